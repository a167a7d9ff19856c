import { config } from "zod/v4/core";

// Runs before any of the app's browser code. Zod compiles object parsers with `new Function`
// unless told not to, and merely probing for that is reported as a CSP violation on our pages,
// whose script-src rightly has no 'unsafe-eval'. The interpreted parser is as correct.
config({ jitless: true });
