import nodemailer from "nodemailer";
import { Resend } from "resend";

export type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Message-ID, In-Reply-To, References. */
  headers: Record<string, string>;
  tags: { name: string; value: string }[];
};

export type SendOutcome = { ok: true; providerMessageId: string | null } | { ok: false; retryable: boolean; error: string };

export type Transport = { name: "resend" | "outbox" | "outbox+smtp"; send: (email: OutgoingEmail, options: { idempotencyKey: string }) => Promise<SendOutcome> };

type TransportEnv = { RESEND_API_KEY?: string; RESEND_BASE_URL?: string; SMTP_URL?: string };

const SEND_TIMEOUT_MS = 15_000;

/** 429, 5xx, timeouts and network failures are worth another try; other 4xx are the message's own fault. */
export function isRetryableStatus(status: number | null | undefined): boolean {
  return status === null || status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
}

function resendTransport(apiKey: string, baseUrl: string | undefined, timeoutMs: number): Transport {
  const resend = new Resend(apiKey, baseUrl ? { baseUrl } : undefined);
  return {
    name: "resend",
    async send(email, { idempotencyKey }) {
      // The idempotency key is the delivery's id: a retry after a timeout never becomes a second email.
      const { data, error } = await resend.emails.send(
        { from: email.from, to: [email.to], subject: email.subject, html: email.html, text: email.text, headers: email.headers, tags: email.tags },
        { idempotencyKey, signal: AbortSignal.timeout(timeoutMs) } as { idempotencyKey: string },
      );
      if (error) {
        const status = (error as { statusCode?: number | null }).statusCode ?? null;
        // The provider's words are kept (on the delivery and in the audit log), but never the key, should it quote it back.
        const message = error.message.replaceAll(apiKey, "[redacted API key]");
        return { ok: false, retryable: isRetryableStatus(status), error: `${status ?? "network"} ${error.name}: ${message}` };
      }
      return { ok: true, providerMessageId: data?.id ?? null };
    },
  };
}

/**
 * The embedded default: the message is already stored, exactly as it would be sent, and shown at
 * /outbox. With SMTP_URL it is also relayed to that server (a local mail catcher, say).
 */
function outboxTransport(smtpUrl: string | undefined): Transport {
  if (!smtpUrl) return { name: "outbox", send: async () => ({ ok: true, providerMessageId: null }) };
  const smtp = nodemailer.createTransport(smtpUrl);
  return {
    name: "outbox+smtp",
    async send(email) {
      try {
        const { "Message-ID": messageId, ...headers } = email.headers;
        const info = await smtp.sendMail({ from: email.from, to: email.to, subject: email.subject, html: email.html, text: email.text, messageId, headers });
        return { ok: true, providerMessageId: info.messageId ?? null };
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode;
        return { ok: false, retryable: code === undefined || code < 500, error: `SMTP ${code ?? "connection"}: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
  };
}

/** Resend when RESEND_API_KEY is set (RESEND_BASE_URL for a compatible endpoint), else the local outbox. */
export function createTransport(env: TransportEnv, options: { timeoutMs?: number } = {}): Transport {
  return env.RESEND_API_KEY ? resendTransport(env.RESEND_API_KEY, env.RESEND_BASE_URL, options.timeoutMs ?? SEND_TIMEOUT_MS) : outboxTransport(env.SMTP_URL);
}
