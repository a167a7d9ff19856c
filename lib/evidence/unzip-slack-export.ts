import { unzipSync } from "fflate";
import { AppError } from "@/lib/errors";

const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;

/**
 * Reads the zip Slack's export produces (users.json, channels.json, <channel>/<day>.json) into
 * the shape parseSlackExport takes. Refuses archives that would inflate past 50 MiB.
 */
export function unzipSlackExport(zip: Uint8Array): { files: { name: string; content: unknown }[]; users?: unknown } {
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, {
      filter: (file) => {
        total += file.originalSize;
        if (total > MAX_UNZIPPED_BYTES) throw new AppError("INVALID_INPUT", "The Slack export unpacks to more than 50 MiB; export a shorter date range.");
        return file.name.endsWith(".json");
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("INVALID_INPUT", "The file is not a readable zip archive.");
  }
  const parse = (name: string, bytes: Uint8Array) => {
    try {
      return JSON.parse(Buffer.from(bytes).toString("utf8")) as unknown;
    } catch {
      throw new AppError("INVALID_INPUT", `${name} in the archive is not valid JSON.`);
    }
  };
  const files = Object.entries(entries)
    .filter(([name]) => /(^|\/)[^/]+\/\d{4}-\d{2}-\d{2}\.json$/.test(name))
    .map(([name, bytes]) => ({ name: name.split("/").slice(-2).join("/"), content: parse(name, bytes) }));
  const usersEntry = Object.entries(entries).find(([name]) => name === "users.json" || name.endsWith("/users.json"));
  if (files.length === 0) throw new AppError("INVALID_INPUT", "The archive has no channel day files (<channel>/YYYY-MM-DD.json).");
  return { files, users: usersEntry ? parse("users.json", usersEntry[1]) : undefined };
}
