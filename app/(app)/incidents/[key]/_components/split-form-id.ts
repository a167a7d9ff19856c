/** Shared by the split form and the timeline checkboxes that belong to it. */
export const SPLIT_FORM_ID = "split-form";
