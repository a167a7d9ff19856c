"use client";

import { CitePicker } from "./cite-picker";
import { useEvidence } from "./evidence-context";

const chip = "inline-flex items-center rounded bg-sky-100 px-1 font-mono text-xs text-sky-900 dark:bg-sky-950 dark:text-sky-200";

/** Citations as chips that open the evidence; editable ones can be removed and added from the incident's evidence. */
export function CitationChips({ ids, onChange, label }: { ids: string[]; onChange?: (ids: string[]) => void; label: string }) {
  const evidence = useEvidence();
  return (
    <span className="inline-flex flex-wrap items-center gap-1 align-middle">
      {ids.length === 0 && <span className="rounded bg-amber-100 px-1 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">no evidence</span>}
      {ids.map((id) => {
        const e = evidence.byId.get(id);
        return (
          <span key={id} className={chip}>
            <button
              type="button"
              onClick={() => evidence.open(id)}
              className="hover:underline"
              title={e ? `${e.source}: ${e.text.slice(0, 120)}` : "Evidence not on this incident"}
              aria-label={`Open evidence ${e?.n ?? "unknown"}`}
            >
              [{e?.n ?? "?"}]
            </button>
            {onChange && (
              <button
                type="button"
                onClick={() => onChange(ids.filter((x) => x !== id))}
                className="ml-0.5 text-sky-700 hover:text-red-700"
                aria-label={`Remove citation ${e?.n ?? ""} from ${label}`}
              >
                ×
              </button>
            )}
          </span>
        );
      })}
      {onChange && <CitePicker ids={ids} onChange={onChange} label={label} />}
    </span>
  );
}
