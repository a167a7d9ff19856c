"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useForm, type FieldValues, type Path } from "react-hook-form";
import type { z } from "zod";
import { ApiError, fetchJson } from "@/components/api/fetch-json";
import { canonicalJson } from "@/lib/json/canonical-json";
import { mergeSection } from "@/lib/reviews/merge-section";
import { useReviewCache, type ReviewKind } from "./use-review-query";

export type SaveStatus = "saved" | "dirty" | "saving" | "invalid" | "error" | "conflict";
export type Conflict = { theirs: unknown; theirHash: string; editedBy: string | null; message: string };
type Base = { hash: string; content: unknown };
type Backup = { content: unknown; base: Base; at: string; revisionId?: string };
type SaveResult = { version: number; sectionHash: string; state: string; voidedApprovals: string[] };

const AUTOSAVE_MS = 1200;
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/**
 * One section's form: react-hook-form with the section's zod rules, autosaved a moment after the
 * last keystroke, backed up in localStorage until the server has it (a crash or a closed tab
 * restores it), and a conflicting save turned into a merge instead of an overwrite.
 */
export function useSectionForm<T extends FieldValues>(options: {
  incidentKey: string;
  kind: ReviewKind;
  revisionId: string;
  name: string;
  schema: z.ZodType;
  serverContent: unknown;
  serverHash: string;
  disabled: boolean;
  /** For a section that is not an object (a bare time): how its content becomes form values and back. */
  adapter?: { toForm: (content: unknown) => T; fromForm: (values: T) => unknown };
}) {
  const { incidentKey, kind, revisionId, name, schema, serverContent, serverHash, disabled, adapter } = options;
  const cache = useReviewCache(incidentKey, kind);
  const toForm = useCallback((content: unknown) => (adapter ? adapter.toForm(content) : (content as T)), [adapter]);
  const form = useForm<T>({ defaultValues: toForm(serverContent) as never, resolver: adapter ? undefined : zodResolver(schema as never), mode: "onChange" });
  const contentOf = useCallback(() => (adapter ? adapter.fromForm(form.getValues()) : form.getValues()), [adapter, form]);
  const base = useRef<Base>({ hash: serverHash, content: serverContent });
  const [status, setStatus] = useState<SaveStatus>("saved");
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflictState] = useState<Conflict | null>(null);
  const conflictRef = useRef<Conflict | null>(null);
  const setConflict = useCallback((value: Conflict | null) => {
    conflictRef.current = value;
    setConflictState(value);
  }, []);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  // False until the browser has taken over the form: a keystroke before that would be overwritten when the fields register.
  const [ready, setReady] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const again = useRef(false);
  // Per incident, kind and section, not per revision: text typed on r3 comes back on r4 (merged if r4 differs).
  const storageKey = `sitrep:review:${incidentKey}:${kind}:${name}`;

  const { mutateAsync } = useMutation({
    mutationFn: (vars: { content: unknown; version: number; baseHash: string }) => fetchJson<SaveResult>(`/api/revisions/${revisionId}/sections/${name}`, { method: "PUT", body: vars }),
    onMutate: (vars) => {
      const previous = cache.read();
      // Optimistic: the preview, badges and other panels show the new text at once.
      cache.patch((review) => (review.revision ? { ...review, revision: { ...review.revision, sections: { ...review.revision.sections, [name]: vars.content } } } : review));
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) cache.patch(() => context.previous!);
    },
  });

  const save = useCallback(async () => {
    if (disabled || conflictRef.current) return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    if (!(await form.trigger())) {
      setStatus("invalid");
      setMessage("Not saved yet: fix the highlighted fields. Your text is kept.");
      return;
    }
    const content = contentOf();
    if (adapter) {
      const parsed = schema.safeParse(content);
      if (!parsed.success) {
        setStatus("invalid");
        setMessage(parsed.error.issues[0]?.message ?? "Not valid.");
        return;
      }
    }
    if (same(content, base.current.content)) {
      setStatus("saved");
      localStorage.removeItem(storageKey);
      return;
    }
    inFlight.current = true;
    setStatus("saving");
    setMessage(null);
    const version = cache.read()?.revision?.version ?? 1;
    try {
      const result = await mutateAsync({ content, version, baseHash: base.current.hash });
      base.current = { hash: result.sectionHash, content };
      cache.patch((review) =>
        review.revision
          ? { ...review, revision: { ...review.revision, version: Math.max(review.revision.version, result.version), state: result.state as never, sectionHashes: { ...review.revision.sectionHashes, [name]: result.sectionHash } } }
          : review,
      );
      form.reset(toForm(content), { keepValues: true });
      if (same(contentOf(), content)) {
        localStorage.removeItem(storageKey);
        setStatus("saved");
      } else setStatus("dirty");
      setMessage(result.voidedApprovals.length > 0 ? "Saved. The approval was voided: the approved text changed." : null);
      void cache.refresh();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      if (apiError?.code === "CONFLICT" && "theirHash" in apiError.details) {
        setConflict({ theirs: apiError.details.theirs, theirHash: String(apiError.details.theirHash), editedBy: (apiError.details.editedBy as string | null) ?? null, message: apiError.message });
        setStatus("conflict");
      } else if (apiError?.code === "UNPROCESSABLE" && typeof apiError.details.field === "string") {
        const path = apiError.details.field.split(".").slice(1).join(".");
        if (path) form.setError(path as Path<T>, { message: apiError.message });
        setStatus("invalid");
        setMessage(apiError.message);
      } else {
        setStatus("error");
        setMessage(error instanceof Error ? error.message : "Not saved.");
      }
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        void saveRef.current();
      }
    }
  }, [adapter, cache, contentOf, disabled, form, mutateAsync, name, schema, setConflict, storageKey, toForm]);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  // Every change: back it up now, save it shortly.
  useEffect(() => {
    return form.subscribe({
      formState: { values: true },
      callback: () => {
      if (disabled) return;
      const backup: Backup = { content: contentOf(), base: base.current, at: new Date().toISOString(), revisionId };
      localStorage.setItem(storageKey, JSON.stringify(backup));
      setStatus((s) => (s === "conflict" ? s : "dirty"));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
      },
    });
  }, [contentOf, disabled, form, revisionId, save, storageKey]);

  // Someone else's save (or the drafter's) is taken in when there is nothing unsaved here.
  useEffect(() => {
    if (serverHash === base.current.hash || inFlight.current || conflictRef.current || !same(contentOf(), base.current.content)) return;
    base.current = { hash: serverHash, content: serverContent };
    form.reset(toForm(serverContent));
  }, [serverHash, serverContent, form, contentOf, toForm]);

  // Text typed before a crash or a closed tab comes back, and is saved (or merged) as usual.
  useEffect(() => {
    // After mount, outside the render: localStorage exists only in the browser.
    const restore = setTimeout(() => {
      setReady(true);
      if (disabled) return;
      const raw = localStorage.getItem(storageKey);
      if (!raw) return;
      try {
        const backup = JSON.parse(raw) as Backup;
        if (same(backup.content, base.current.content)) return localStorage.removeItem(storageKey);
        base.current = backup.base;
        form.reset(toForm(backup.base.content));
        form.reset(toForm(backup.content), { keepDefaultValues: true });
        setRestoredAt(backup.at);
        setStatus("dirty");
        timer.current = setTimeout(() => void saveRef.current(), 50);
      } catch {
        localStorage.removeItem(storageKey);
      }
    }, 0);
    return () => clearTimeout(restore);
    // Only on first render: later backups are this page's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  const resolveConflict = useCallback(
    (choice: "merge" | "mine" | "theirs") => {
      if (!conflict) return;
      const mine = contentOf();
      const merged = choice === "merge" ? mergeSection(base.current.content, mine, conflict.theirs).merged : mine;
      base.current = { hash: conflict.theirHash, content: conflict.theirs };
      setConflict(null);
      if (choice === "theirs") {
        form.reset(toForm(conflict.theirs));
        localStorage.removeItem(storageKey);
        setStatus("saved");
        setMessage(null);
        return;
      }
      form.reset(toForm(conflict.theirs));
      form.reset(toForm(merged), { keepDefaultValues: true });
      setStatus("dirty");
      setMessage(choice === "merge" ? "Merged with their changes; check the result, it saves in a moment." : "Keeping your text over theirs; it saves in a moment.");
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
    },
    [conflict, contentOf, form, save, setConflict, storageKey, toForm],
  );

  return { form, status, message, conflict, restoredAt, resolveConflict, saveNow: save, ready, isUnsaved: status !== "saved", mine: contentOf };
}
