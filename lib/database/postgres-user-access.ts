import { existsSync, statSync } from "node:fs";
import path from "node:path";

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/**
 * PostgreSQL refuses to run as root, so as root the embedded server runs as the `postgres` user,
 * which must be able to enter every directory above its data and its binaries. A checkout under
 * /root usually is not. Returns the first directory it cannot enter, or null.
 */
export function findDirectoryClosedToOthers(target: string): string | null {
  for (let dir = path.dirname(path.resolve(target)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return dir;
  }
  return null;
}

export function assertReachableByPostgresUser(...targets: string[]): void {
  if (!isRoot()) return;
  for (const target of targets) {
    const closed = findDirectoryClosedToOthers(target);
    if (closed) {
      throw new Error(
        `The embedded PostgreSQL runs as the 'postgres' user when started by root, and that user cannot enter ${closed}. ` +
          `Clone Sitrep outside ${closed}, run as a normal user, or set DATABASE_URL to your own PostgreSQL.`,
      );
    }
  }
}
