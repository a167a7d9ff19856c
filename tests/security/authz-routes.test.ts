import { vi } from "vitest";
import { describeAuthorizationMatrix } from "../helpers/security/describe-matrix";

vi.mock("next/headers", async () => (await import("../helpers/security/request-scope")).fakeNextHeaders);
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

// Every route under app/ × every principal, against a real database (tests/helpers/security/).
describeAuthorizationMatrix("route", "route handlers (every exported HTTP method)");
