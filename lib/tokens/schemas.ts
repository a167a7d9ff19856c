import { z } from "zod";
import { roleSchema } from "@/lib/users/schemas";

/** A token acts as a person's role, or as an AGENT (an AI assistant over MCP) with a scope. */
export const tokenRoleSchema = z.enum([...roleSchema.options, "AGENT"]);

export const createApiTokenSchema = z
  .object({
    name: z.string().trim().min(1, "Give the token a name that says what uses it.").max(80),
    role: tokenRoleSchema,
    /** AGENT tokens only: read, or read and propose. */
    scope: z.enum(["read", "propose"], { error: "Scope is read or propose." }).optional(),
    expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
  })
  .transform((token, ctx) => {
    if (token.role !== "AGENT") {
      if (token.scope) ctx.addIssue({ code: "custom", path: ["scope"], message: "Only AGENT tokens have a scope; other tokens act with their role." });
      return { ...token, scope: null };
    }
    // Least privilege unless asked: an agent token reads until someone decides it may propose.
    return { ...token, scope: token.scope ?? "read" };
  });
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
