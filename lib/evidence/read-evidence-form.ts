import { AppError } from "@/lib/errors";
import type { AddEvidenceInput } from "@/lib/evidence/schemas";
import { unzipSlackExport } from "@/lib/evidence/unzip-slack-export";

/** The page's datetime-local field is labelled UTC; without a zone the server would read local time. */
function asUtc(value: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? `${value}Z` : value;
}

async function readText(form: FormData): Promise<string> {
  const file = form.get("file");
  if (file instanceof File && file.size > 0) return file.text();
  return String(form.get("text") ?? "");
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("INVALID_INPUT", `${what} is not valid JSON.`);
  }
}

/** Turns the incident page's upload form (a file or pasted text) into an evidence upload. */
export async function readEvidenceForm(form: FormData): Promise<AddEvidenceInput> {
  const format = String(form.get("format") ?? "");
  switch (format) {
    case "slack_export": {
      const file = form.get("file");
      if (!(file instanceof File) || file.size === 0) throw new AppError("INVALID_INPUT", "Choose the Slack export (.zip, or one channel day .json).");
      const channel = String(form.get("channel") ?? "").trim() || undefined;
      if (file.name.endsWith(".json")) return { format, channel, files: [{ name: `${channel ?? "channel"}/${file.name}`, content: parseJson(await file.text(), file.name) }] };
      return { format, channel, ...unzipSlackExport(new Uint8Array(await file.arrayBuffer())) };
    }
    case "chat_lines":
    case "metrics_csv":
      return { format, text: await readText(form) };
    case "prometheus":
      return { format, body: parseJson(await readText(form), "The Prometheus result") };
    case "change":
      return { format, at: asUtc(String(form.get("at") ?? "")), text: String(form.get("text") ?? ""), service: String(form.get("service") ?? "") || undefined, url: String(form.get("url") ?? "") || undefined };
    case "note":
      return { format, text: String(form.get("text") ?? "") };
    default:
      throw new AppError("INVALID_INPUT", "Choose what kind of evidence you are adding.");
  }
}
