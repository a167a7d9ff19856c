import { diffChars } from "diff";
import { sectionLines } from "@/lib/reviews/section-lines";

/** How much a person changed the machine's text of a section: characters added plus removed, as read (citations by id). */
export function measureEdit(section: string, machine: unknown, human: unknown): number {
  const before = sectionLines(section, machine).join("\n");
  const after = sectionLines(section, human).join("\n");
  if (before === after) return 0;
  return diffChars(before, after).reduce((n, part) => n + (part.added || part.removed ? part.value.length : 0), 0);
}
