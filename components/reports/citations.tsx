/** Citation chips: each links to the evidence on this page; a statement with none says so. */
export function Citations({ ids, index }: { ids: string[]; index: Map<string, number> }) {
  if (ids.length === 0) {
    return <span className="ml-1 rounded bg-amber-100 px-1 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">no evidence</span>;
  }
  return (
    <>
      {ids.slice(0, 8).map((id) => (
        <a key={id} href={`#evidence-${id}`} className="ml-1 rounded bg-sky-100 px-1 font-mono text-xs text-sky-900 hover:underline dark:bg-sky-950 dark:text-sky-200" title="Show the evidence">
          [{index.get(id) ?? "?"}]
        </a>
      ))}
      {ids.length > 8 && <span className="ml-1 text-xs text-slate-500">+{ids.length - 8}</span>}
    </>
  );
}
