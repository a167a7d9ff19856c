/** A timestamp in UTC, the one clock every responder shares; the full ISO value on hover. */
export function Time({ value, withDate = true }: { value: Date | null | undefined; withDate?: boolean }) {
  if (!value) return <span className="text-slate-400">—</span>;
  const iso = value.toISOString();
  const text = withDate ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : `${iso.slice(11, 19)}`;
  return (
    <time dateTime={iso} title={iso} className="tabular-nums">
      {text}
    </time>
  );
}
