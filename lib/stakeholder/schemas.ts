import { z } from "zod";

/** How long a link may live: an hour at least, ninety days at most; a week unless the commander says otherwise. */
export const SHARE_LINK_MAX_HOURS = 90 * 24;

export const createShareLinkSchema = z.object({
  key: z.string().min(1, "Which incident?"),
  label: z
    .string()
    .trim()
    .min(1, "Say who the link is for, so it can be told apart and revoked later.")
    .max(80, "Keep the label to 80 characters."),
  expiresInHours: z.coerce
    .number({ error: "Choose how long the link stays valid." })
    .int("Choose how long the link stays valid.")
    .min(1, "A link must be valid for at least an hour.")
    .max(SHARE_LINK_MAX_HOURS, "A link can be valid for 90 days at most.")
    .default(7 * 24),
});

export type CreateShareLinkInput = z.input<typeof createShareLinkSchema>;

export const revokeShareLinkSchema = z.object({ id: z.string().min(1, "Which link?").max(64) });
