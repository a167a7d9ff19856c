"use client";

import { useState } from "react";
import { fieldClass } from "./field-parts";

/** "2026-11-29T09:14:00.000Z" → "2026-11-29 09:14": the one clock responders share, the same on every laptop. */
export function formatUtc(iso: string | null | undefined): string {
  return iso && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : (iso ?? "");
}

/** Text typed as "YYYY-MM-DD HH:MM" (UTC) back to ISO; anything else is returned as typed, for the rules to refuse with a reason. */
export function parseUtc(text: string): string | null {
  const value = text.trim();
  if (!value) return null;
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:Z| ?UTC)?$/i.exec(value);
  if (!match) return value;
  const date = new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4] ?? "00"}Z`);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/**
 * A time in UTC as text, not the browser's datetime picker (which shows local time in the
 * locale's 12-hour format). The form holds ISO; a half-typed or wrong value is held as typed.
 */
export function UtcTimeInput({ id, value, onChange, onBlur, disabled, invalid, label, emptyIsNull = false }: { id?: string; value: string | null; onChange: (value: string | null) => void; onBlur?: () => void; disabled?: boolean; invalid?: boolean; label?: string; emptyIsNull?: boolean }) {
  const [text, setText] = useState(formatUtc(value));
  const [last, setLast] = useState(value);
  // A new value from outside (the server, a merge) replaces what is shown.
  if (value !== last) {
    setLast(value);
    if (parseUtc(text) !== value) setText(formatUtc(value));
  }
  return (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      placeholder="YYYY-MM-DD HH:MM"
      autoComplete="off"
      aria-label={label}
      disabled={disabled}
      aria-invalid={invalid}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const parsed = parseUtc(e.target.value);
        const next = parsed === null ? (emptyIsNull ? null : "") : parsed;
        setLast(next);
        onChange(next);
      }}
      onBlur={onBlur}
      className={`${fieldClass} font-mono tabular-nums`}
    />
  );
}
