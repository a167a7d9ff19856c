import { z } from "zod";
import { roleSchema } from "@/lib/users/schemas";

export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Give the token a name that says what uses it.").max(80),
  role: roleSchema,
  expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
