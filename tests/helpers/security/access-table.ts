import { can, type Permission } from "@/lib/authz";
import type { EntryPoint } from "./route-list";
import type { Principal } from "./matrix-world";

/** What a call came to: let through, or refused in one of the ways the README promises. */
export type Outcome = "allowed" | "login" | "unauthenticated" | "forbidden" | "not-found" | `error: ${string}`;

/**
 * Who may use an entry point. Most rows name the permission from lib/authz.ts that guards it; the
 * expected outcome for each principal is derived from PERMISSIONS, never written out by hand.
 */
export type Rule =
  /** `sessionOnly`: a person at the keyboard; a token with the right role is still refused. */
  | { permission: Permission; sessionOnly?: string }
  /** Anyone gets an answer (the sign-in page, Auth.js's own endpoints); the reason says why that is safe. */
  | { public: string }
  /** The /status/<token> link is the credential: its holder reads, anyone else finds nothing. */
  | { shareLink: true }
  /** A sender's signature or token, never a session or API token. */
  | { webhook: true }
  /** MCP: AGENT tokens only. */
  | { agent: true }
  | { expect: (principal: Principal) => Outcome; why: string };

export function expectedOutcome(entry: EntryPoint, rule: Rule, principal: Principal): Outcome {
  if ("expect" in rule) return rule.expect(principal);
  if ("public" in rule) return "allowed";
  if ("shareLink" in rule) return principal.kind === "share-link" ? "allowed" : "not-found";
  if ("webhook" in rule) return "unauthenticated";
  if ("agent" in rule) {
    if (principal.kind !== "token") return "unauthenticated";
    return principal.role === "AGENT" ? "allowed" : "forbidden";
  }
  // Pages and server actions read the session cookie only: a bearer token there is no one.
  if (entry.kind !== "route") {
    if (principal.kind !== "user") return "login";
    return can(principal.role, rule.permission) ? "allowed" : "forbidden";
  }
  // A share link's token is not an API token.
  if (principal.kind !== "user" && principal.kind !== "token") return "unauthenticated";
  if (principal.kind === "token" && (principal.role === "AGENT" || rule.sessionOnly)) return "forbidden";
  return can(principal.role, rule.permission) ? "allowed" : "forbidden";
}

const INCIDENT_ACTIONS = "action app/(app)/incidents/[key]/actions.ts";
const SETTINGS = "action app/(app)/settings";

/** Every entry point of app/, by the id listEntryPoints() gives it. A new one without a row fails authz-table.test.ts. */
export const ACCESS: Record<string, Rule> = {
  "page /": { public: "only redirects to /incidents, which checks" },
  "page /login": { public: "the sign-in form; a signed-in user is sent on" },
  "page /incidents": { permission: "incidents.read" },
  "page /incidents/[key]": { permission: "incidents.read" },
  "page /incidents/[key]/history": { permission: "drafts.read" },
  "page /incidents/[key]/review": { permission: "drafts.read" },
  "page /queue": { permission: "drafts.read" },
  "page /raw-events/[id]": { permission: "evidence.read" },
  "page /outbox": { permission: "outbox.read" },
  "page /outbox/[id]": { permission: "outbox.read" },
  "page /insights": { permission: "insights.read" },
  "page /audit": { permission: "audit.read" },
  "page /settings": { permission: "users.manage" },
  "page /settings/users": { permission: "users.manage" },
  "page /settings/tokens": { permission: "tokens.manage" },
  "page /settings/integrations": { permission: "integrations.manage" },
  "page /settings/lists": { permission: "lists.manage" },
  "page /settings/review": { permission: "review.configure" },

  "GET /api/auth/[...nextauth]": { public: "Auth.js: the session (empty without a cookie), CSRF token and providers" },
  "POST /api/auth/[...nextauth]": { public: "Auth.js: sign-in and sign-out, each checked by its CSRF token" },
  "GET /api/incidents": { permission: "incidents.read" },
  "GET /api/incidents/[key]": { permission: "incidents.read" },
  "GET /api/incidents/[key]/approved": { permission: "incidents.read" },
  "GET /api/incidents/[key]/history": { permission: "drafts.read" },
  "GET /api/incidents/[key]/history/export": { permission: "drafts.read" },
  "GET /api/incidents/[key]/review": { permission: "drafts.read" },
  "GET /api/incidents/[key]/evidence": { permission: "evidence.read" },
  "POST /api/incidents/[key]/evidence": { permission: "evidence.create" },
  "PUT /api/incidents/[key]/recipients": { permission: "incidents.send" },
  "GET /api/queue": { permission: "drafts.read" },
  "GET /api/queue/count": { permission: "drafts.read" },
  "GET /api/raw-events/[id]": { permission: "evidence.read" },
  "GET /api/revisions/[id]/email-preview": { permission: "drafts.read" },
  "POST /api/revisions/[id]/presence": { permission: "drafts.read", sessionOnly: "who has the review page open" },
  "PUT /api/revisions/[id]/sections/[section]": { permission: "drafts.edit" },
  "POST /api/revisions/[id]/suggestions/[section]": { permission: "drafts.edit" },
  "POST /api/revisions/[id]/approve": { permission: "incidents.approve" },
  "POST /api/revisions/[id]/reject": { permission: "incidents.approve" },
  "POST /api/revisions/[id]/request-changes": { permission: "incidents.approve" },
  "POST /api/revisions/[id]/send": { permission: "incidents.send" },
  "GET /api/insights": { permission: "insights.read" },
  "GET /api/insights/export": { permission: "insights.read" },
  "GET /api/audit": { permission: "audit.read" },
  "GET /api/audit/export": { permission: "audit.read" },
  "GET /api/status/[token]": { shareLink: true },
  // The share link's page: plain HTML from a route handler (ADR 0014), the same rule as the page it replaced.
  "GET /status/[token]": { shareLink: true },
  "POST /api/webhooks/[sender]": { webhook: true },
  "POST /api/mcp": { agent: true },
  "GET /api/mcp": { agent: true },
  "DELETE /api/mcp": { agent: true },

  "action app/login/actions.ts#signInWithPassword": { public: "signing in; rate-limited per account and IP" },
  "action app/login/actions.ts#signInWithOidc": { public: "starts single sign-on" },
  "action app/(app)/actions.ts#signOutAction": { expect: () => "login", why: "signing out ends at /login for everyone; it revokes a session only if there is one" },
  "action app/(app)/audit/actions.ts#verifyAuditChainAction": { permission: "audit.read" },
  [`${INCIDENT_ACTIONS}#addEvidenceAction`]: { permission: "evidence.create" },
  [`${INCIDENT_ACTIONS}#mergeIncidentAction`]: { permission: "incidents.update" },
  [`${INCIDENT_ACTIONS}#splitIncidentAction`]: { permission: "incidents.update" },
  [`${INCIDENT_ACTIONS}#classifyIncidentAction`]: { permission: "incidents.update" },
  [`${INCIDENT_ACTIONS}#correctMilestoneAction`]: { permission: "milestones.correct" },
  [`${INCIDENT_ACTIONS}#createShareLinkAction`]: { permission: "share_links.manage" },
  [`${INCIDENT_ACTIONS}#revokeShareLinkAction`]: { permission: "share_links.manage" },
  [`${SETTINGS}/integrations/actions.ts#updateIntegrationAction`]: { permission: "integrations.manage" },
  [`${SETTINGS}/lists/actions.ts#saveDistributionListAction`]: { permission: "lists.manage" },
  [`${SETTINGS}/lists/actions.ts#deleteDistributionListAction`]: { permission: "lists.manage" },
  [`${SETTINGS}/review/actions.ts#updateReviewPolicyAction`]: { permission: "review.configure" },
  [`${SETTINGS}/tokens/actions.ts#createTokenAction`]: { permission: "tokens.manage" },
  [`${SETTINGS}/tokens/actions.ts#revokeTokenAction`]: { permission: "tokens.manage" },
  [`${SETTINGS}/users/actions.ts#createUserAction`]: { permission: "users.manage" },
  [`${SETTINGS}/users/actions.ts#updateUserRoleAction`]: { permission: "users.manage" },
};
