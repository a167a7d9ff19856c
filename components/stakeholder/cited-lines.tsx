import type { CitedLine } from "@/lib/email/email-content";

/** Approved sentences with their footnote numbers, as the email carries them. */
export function CitedLines({ lines, empty }: { lines: CitedLine[]; empty?: string }) {
  if (lines.length === 0) return empty ? <p className="muted text-slate-500">{empty}</p> : null;
  return (
    <div className="lines space-y-2">
      {lines.map((line, i) => (
        <p key={i}>
          {line.text}
          <Notes notes={line.notes} />
        </p>
      ))}
    </div>
  );
}

export function Notes({ notes }: { notes: number[] }) {
  if (notes.length === 0) return null;
  return (
    <sup className="notes ml-0.5 font-mono text-xs text-slate-500">
      {notes.map((n) => (
        <a key={n} href={`#source-${n}`} className="ml-0.5 hover:underline">
          [{n}]
        </a>
      ))}
    </sup>
  );
}

export function utc(value: string | Date | null): string {
  if (!value) return "—";
  const iso = typeof value === "string" ? new Date(value).toISOString() : value.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
