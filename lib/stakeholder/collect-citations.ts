/** Every evidence id a revision's sections cite, wherever the section keeps its `citations` arrays. */
export function collectCitations(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) collectCitations(item, into);
  } else if (value && typeof value === "object") {
    for (const [field, inner] of Object.entries(value)) {
      if (field === "citations" && Array.isArray(inner)) into.push(...inner.filter((id): id is string => typeof id === "string"));
      else collectCitations(inner, into);
    }
  }
  return into;
}
