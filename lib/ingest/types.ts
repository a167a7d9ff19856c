/**
 * The contract between sender parsers (lib/ingest/<sender>/parse.ts, pure) and the rest of ingest.
 * A parser turns one delivery into zero or more normalised events; correlation and storage are
 * not its business.
 */

/** Timeline kinds a monitoring sender can produce (a subset of the EvidenceKind enum). */
export type AlertEventKind = "trigger" | "acknowledge" | "escalate" | "note" | "priority_change" | "resolve";

export type ParsedAlertEvent = {
  kind: AlertEventKind;
  /** When it happened at the sender (not when it arrived). */
  occurredAt: Date;
  /**
   * The sender's own identities for the incident this event belongs to, most specific first,
   * each prefixed with its kind so they cannot collide: "pd-incident:Q1ABC",
   * "am-group:{}/{}:{alertname=\"X\"}", "am-fingerprint:abc123", "og-alias:…", "dd-alert:123".
   */
  externalKeys: string[];
  /**
   * Identity of this effect. The same fact delivered twice (a retry, a repeat notification)
   * must give the same key; two different facts must not.
   */
  dedupeKey: string;
  /** Incident or alert title when the payload has one, exactly as sent (HTML stays text). */
  title: string | null;
  /** Services, components or apps named by the payload, for correlation across senders. */
  services: string[];
  /** The sender's own priority or severity, raw ("P1", "critical", "high", "SEV-2"); mapped later. */
  priority: string | null;
  /** One line for the timeline, as a person reads it, e.g. "Acknowledged by Dana Whitfield". */
  text: string;
  /** Link back to the sender's page for this incident/alert, if any. */
  url: string | null;
  /** Who acted at the sender (the acknowledger, the note's author), if known. */
  actor: string | null;
  /** Sender-specific details worth keeping (labels, values, ids); JSON-safe (no bigint, no Date). */
  data: Record<string, unknown>;
};

export type ParseOutcome =
  | {
      ok: true;
      /**
       * Identity of the delivery, for recognising a re-delivery before any processing
       * (e.g. PagerDuty's event.id). Stable across retries of the same delivery.
       */
      deliveryId: string;
      /** Empty when the delivery is valid but carries nothing Sitrep acts on. */
      events: ParsedAlertEvent[];
      /** Set when events is empty: why (e.g. "unknown event type pagey.ping"). */
      ignoredReason?: string;
    }
  | {
      ok: false;
      /** Dotted path of the first missing or mistyped field, e.g. "event.data.id". */
      field: string;
      message: string;
    };

/** What a parser receives: the parsed JSON (numbers beyond 2^53 arrive as bigint) and the headers. */
export type ParseInput = {
  body: unknown;
  /** Lower-cased header names. */
  headers: Record<string, string>;
};

export type SenderParser = (input: ParseInput) => ParseOutcome;
