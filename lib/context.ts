import type { Actor } from "@/lib/authz";
import type { Db } from "@/lib/db";

/** What every lib verb receives: the database, who is acting, and the request being served. */
export type Ctx = {
  db: Db;
  actor: Actor;
  requestId?: string;
  /** Asks the background drafter to re-draft an incident after a change (absent in scripts and tests). */
  enqueueRedraft?: (incidentId: string) => Promise<void>;
};
