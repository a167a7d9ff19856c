import type { AlertEventKind } from "../types";

/** The monitor state a notification reports; a repeat of the same state must dedupe. */
type MonitorState = "alert" | "warn" | "no_data" | "ok";

export type Transition = { label: string; kind: AlertEventKind; state: MonitorState };

// $ALERT_TRANSITION values from https://docs.datadoghq.com/integrations/webhooks/#variables.
// "Re-…" are renotifications of a state already reported; "Renotify" names no state (see readState).
const TRANSITIONS: Record<string, Omit<Transition, "label"> | "renotify"> = {
  triggered: { kind: "trigger", state: "alert" },
  "re-triggered": { kind: "trigger", state: "alert" },
  warn: { kind: "trigger", state: "warn" },
  "re-warn": { kind: "trigger", state: "warn" },
  "no data": { kind: "note", state: "no_data" },
  "re-no data": { kind: "note", state: "no_data" },
  recovered: { kind: "resolve", state: "ok" },
  renotify: "renotify",
};

// "[P2] [Triggered on {service:checkout-api,env:production}] Checkout API returning 502s"
const TITLE_PREFIX = /^\s*(?:\[(P[1-5])\]\s*)?\[([A-Za-z -]+?)(?: on \{([^}]*)\})?\]\s*/;

export type TitleParts = { transition: string | null; priority: string | null; group: string | null; rest: string };

/** Splits Datadog's "[Transition on {group}]" prefix off $EVENT_TITLE; the rest is the monitor's name. */
export function splitEventTitle(title: string): TitleParts {
  const match = TITLE_PREFIX.exec(title);
  if (!match || !(match[2]!.toLowerCase() in TRANSITIONS)) return { transition: null, priority: null, group: null, rest: title };
  const rest = title.slice(match[0].length);
  return { transition: match[2]!, priority: match[1] ?? null, group: match[3] ?? null, rest: rest.length > 0 ? rest : title };
}

/** Maps a transition as sent ("Re-Triggered", "Recovered", …) to a kind and state; null when unknown. */
export function readTransition(label: string, alertType: string | undefined): Transition | null {
  const known = TRANSITIONS[label.trim().toLowerCase()];
  if (!known) return null;
  if (known !== "renotify") return { label, ...known };
  // A renotification repeats the current state, which only $ALERT_TYPE still tells.
  return { label, kind: "trigger", state: alertType === "warning" ? "warn" : "alert" };
}
