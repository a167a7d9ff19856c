import type { DraftSections } from "@/lib/drafting/types";

/**
 * The fields a person edits that the drafter has no opinion on (hidden, the chosen candidate, an
 * action item's owner id, due date and status), filled in so every saved section has one shape:
 * an editor that opens it and changes nothing has nothing to save.
 */
export function withEditorDefaults(sections: DraftSections): DraftSections {
  return {
    ...sections,
    timeline: { ...sections.timeline, items: sections.timeline.items.map((item) => ({ hidden: false, ...item })) },
    rootCause: { chosen: null, ...sections.rootCause },
    actionItems: { ...sections.actionItems, items: sections.actionItems.items.map((item) => ({ ownerId: null, dueAt: null, status: "open", ...item })) },
  };
}
