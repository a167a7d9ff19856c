import { canonicalJson } from "@/lib/json/canonical-json";

const key = (value: unknown) => canonicalJson(value ?? null);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

export type MergeResult = { merged: unknown; conflicts: string[] };

/**
 * Three-way merge of one section: what the editor started from (base), what they typed (mine)
 * and what someone else saved meanwhile (theirs). Objects merge field by field, lists item by
 * item (additions from both sides kept, deletions from either side honoured), and where both
 * sides changed the same value differently, mine wins and the path is reported as a conflict.
 */
export function mergeSection(base: unknown, mine: unknown, theirs: unknown, path = ""): MergeResult {
  if (key(mine) === key(theirs)) return { merged: theirs, conflicts: [] };
  if (key(mine) === key(base)) return { merged: theirs, conflicts: [] };
  if (key(theirs) === key(base)) return { merged: mine, conflicts: [] };
  if (Array.isArray(base) && Array.isArray(mine) && Array.isArray(theirs)) return { merged: mergeLists(base, mine, theirs), conflicts: [] };
  if (isObject(base) && isObject(mine) && isObject(theirs)) {
    const merged: Record<string, unknown> = {};
    const conflicts: string[] = [];
    for (const field of new Set([...Object.keys(theirs), ...Object.keys(mine)])) {
      const result = mergeSection(base[field], mine[field], theirs[field], path ? `${path}.${field}` : field);
      if (result.merged !== undefined) merged[field] = result.merged;
      conflicts.push(...result.conflicts);
    }
    return { merged, conflicts };
  }
  return { merged: mine, conflicts: [path || "(section)"] };
}

/** Theirs, without what I deleted, plus what I added, each after the item it followed in my list. */
function mergeLists(base: unknown[], mine: unknown[], theirs: unknown[]): unknown[] {
  const baseKeys = new Set(base.map(key));
  const mineKeys = new Set(mine.map(key));
  const result = theirs.filter((item) => !(baseKeys.has(key(item)) && !mineKeys.has(key(item))));
  const resultKeys = new Set(result.map(key));
  let anchor = -1;
  for (const item of mine) {
    const k = key(item);
    const at = result.findIndex((r) => key(r) === k);
    if (at >= 0) {
      anchor = at;
      continue;
    }
    if (baseKeys.has(k) || resultKeys.has(k)) continue; // deleted by them: their deletion stands
    result.splice(anchor + 1, 0, item);
    resultKeys.add(k);
    anchor += 1;
  }
  return result;
}
