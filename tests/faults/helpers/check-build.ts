import { rmSync } from "node:fs";
import { assertProductionBuild } from "./fault-app";

/** Fails the whole run at once, before any server starts, when there is no build to test; clears the last run's app logs. */
export default function setup() {
  assertProductionBuild();
  rmSync(".data/faults/logs", { recursive: true, force: true });
}
