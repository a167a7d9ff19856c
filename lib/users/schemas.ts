import { z } from "zod";

export const roleSchema = z.enum(["ADMIN", "COMMANDER", "RESPONDER", "VIEWER", "AUDITOR"]);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid e-mail address."));

export const passwordSchema = z
  .string()
  .min(12, "Passwords need at least 12 characters.")
  .max(72, "Passwords can be at most 72 characters (bcrypt ignores the rest).");

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter a name.").max(120),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserRoleSchema = z.object({
  userId: z.string().min(1),
  role: roleSchema,
});
