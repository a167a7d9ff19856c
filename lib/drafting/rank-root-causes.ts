import { alertTitle, authorOf, byTime, clip, formatTime, mentions, sentence, servicesOf } from "@/lib/drafting/evidence-facts";
import {
  CHANGE_WINDOW_MS,
  isWithinAfter,
  RECOVERED,
  ROLLBACK_DID_NOT_HELP,
  ROLLBACK_HELPED,
  ROLLBACK_WORDS,
  ROOT_CAUSE_PHRASE,
  SIGNATURES,
  STILL_BROKEN,
  RULED_OUT,
  UNKNOWN_CAUSE,
} from "@/lib/drafting/root-cause-signals";
import type { DraftEvidence, DraftSections, RootCauseCandidate, Statement } from "@/lib/drafting/types";

const said = (e: DraftEvidence): Statement => ({ text: `${authorOf(e) ?? e.source} at ${formatTime(e.at)}: “${clip(e.text, 200)}”`, citations: [e.id] });
// A machine-written note (an agent's finding) is evidence to cite, not a person's word on the cause.
const words = (e: DraftEvidence) => e.kind === "chat_message" || (e.kind === "note" && e.authorType === "human");

/** A person's own "Root cause: …" carries the most weight; it still stays preliminary. */
function fromNotes(evidence: DraftEvidence[]): RootCauseCandidate[] {
  return evidence.filter(words).flatMap((e) => {
    const phrase = ROOT_CAUSE_PHRASE.exec(e.text)?.[1]?.trim();
    if (!phrase || UNKNOWN_CAUSE.test(phrase)) return [];
    return [{ title: clip(phrase, 160), score: e.kind === "note" ? 0.95 : 0.8, evidenceFor: [said(e)], evidenceAgainst: [] }];
  });
}

/** A change on an affected service shortly before the first alert. */
/** A service named in a quoted error ("upstream connect error … from payments-service") is affected too. */
function isNamedInErrors(errorQuotes: DraftEvidence[], service: string): boolean {
  return errorQuotes.some((e) => mentions(e.text, service));
}

function fromChanges(evidence: DraftEvidence[], firstAlertAt: Date, alertServices: Set<string>): RootCauseCandidate[] {
  // Computed once, not per change: a long incident can carry hundreds of changes.
  const spoken = evidence.filter(words);
  const errorQuotes = spoken.filter((e) => !RULED_OUT.test(e.text) && SIGNATURES.some(({ pattern }) => pattern.test(e.text)));
  const known = [...new Set([...alertServices, ...evidence.flatMap(servicesOf)])];
  // Who talks about which service, indexed once (services are few, messages are many).
  const lower = new Map(spoken.map((e) => [e, e.text.toLowerCase()]));
  const aboutService = new Map(known.map((s) => [s, spoken.filter((e) => lower.get(e)!.includes(s))]));
  const about = (services: string[]) => [...new Set(services.flatMap((s) => aboutService.get(s) ?? spoken.filter((e) => lower.get(e)!.includes(s))))];
  const VERSION = /\bv?\d+\.\d+(\.\d+)?\b/gi;
  const byVersion = new Map<string, DraftEvidence[]>();
  for (const e of spoken) {
    for (const v of new Set(lower.get(e)!.match(VERSION) ?? [])) {
      const list = byVersion.get(v);
      if (list) list.push(e);
      else byVersion.set(v, [e]);
    }
  }
  const ruledOutAbout = new Map(known.map((s) => [s, (aboutService.get(s) ?? []).filter((e) => RULED_OUT.test(e.text))]));
  const rollbacks = evidence.filter((e) => e.kind === "change" && ROLLBACK_WORDS.test(e.text));
  const afterEach = new Map(rollbacks.map((r) => [r, evidence.filter((e) => (words(e) || e.kind === "metric_sample" || e.kind === "resolve") && isWithinAfter(e.at, r.at))]));
  const first = evidence.find((e) => e.kind === "trigger");
  return evidence
    .filter((e) => e.kind === "change" && e.at <= firstAlertAt && firstAlertAt.getTime() - e.at.getTime() <= CHANGE_WINDOW_MS)
    .map((change) => {
      // A change that names no service in its data is about the services its text mentions.
      const services = servicesOf(change).length > 0 ? servicesOf(change) : known.filter((s) => mentions(change.text, s));
      const onAffected = services.some((s) => alertServices.has(s) || isNamedInErrors(errorQuotes, s));
      const version = /\bv?\d+\.\d+(\.\d+)?\b/.exec(change.text)?.[0];
      const gap = firstAlertAt.getTime() - change.at.getTime();
      // Messages naming this service and, when the change has one, its version.
      const talk = version ? (byVersion.get(version.toLowerCase()) ?? []).filter((e) => services.some((s) => lower.get(e)!.includes(s))) : about(services);
      // A later rollback of this service: what people said in the half hour after it tells whether it helped.
      const rollback = rollbacks.find((e) => e.at > change.at && servicesOf(e).some((s) => services.includes(s)));
      const afterRollback = rollback ? afterEach.get(rollback)! : [];
      const helped = [
        ...new Set([
          ...talk.filter((e) => ROLLBACK_HELPED.test(e.text)),
          // Only alerts on the affected services clearing after the rollback speak for it.
          ...afterRollback.filter((e) => (e.kind === "resolve" ? servicesOf(e).some((s) => alertServices.has(s) || services.includes(s)) : RECOVERED.test(e.text) && !STILL_BROKEN.test(e.text))),
        ]),
      ];
      const ruledOut = [...new Set(services.flatMap((s) => ruledOutAbout.get(s) ?? about([s]).filter((e) => RULED_OUT.test(e.text))))];
      const didNotHelp = [...new Set([...talk.filter((e) => ROLLBACK_DID_NOT_HELP.test(e.text)), ...afterRollback.filter((e) => STILL_BROKEN.test(e.text)), ...ruledOut])];
      // People naming the change itself ("v2.31.0 went out at the start of this") point at it too.
      const named = talk.filter((e) => !helped.includes(e) && !didNotHelp.includes(e));
      const score =
        0.35 + (onAffected ? 0.3 : -0.2) + 0.15 * (1 - gap / CHANGE_WINDOW_MS) + Math.min(0.1 * helped.length, 0.2) + Math.min(0.05 * named.length, 0.1) - 0.45 * Math.min(didNotHelp.length, 1);
      return {
        title: `Change shortly before the first alert: ${clip(change.text, 140)}`,
        score,
        evidenceFor: [
          { text: sentence(`At ${formatTime(change.at)}, ${Math.round(gap / 60_000)} minutes before the first alert: ${clip(change.text, 160)}`), citations: [change.id, ...(first ? [first.id] : [])] },
          ...(onAffected ? [{ text: `It touched ${services.join(", ")}, which alerted or is named in the errors.`, citations: [change.id] }] : []),
          ...named.slice(0, 2).map(said),
          ...helped.slice(0, 3).map(said),
        ],
        evidenceAgainst: [
          ...(onAffected ? [] : [{ text: `It changed ${services.join(", ") || "a service"} that raised no alert.`, citations: [change.id] }]),
          ...didNotHelp.map(said),
        ],
      };
    });
}

/** The service whose alert fired first when several services alerted in a chain. */
function fromFirstAlert(evidence: DraftEvidence[]): (RootCauseCandidate & { service: string })[] {
  const firstByService = new Map<string, DraftEvidence>();
  for (const e of evidence.filter((x) => x.kind === "trigger")) for (const s of servicesOf(e)) if (!firstByService.has(s)) firstByService.set(s, e);
  if (firstByService.size < 2) return [];
  const ordered = [...firstByService.entries()].sort((a, b) => byTime(a[1], b[1]));
  const [service, first] = ordered[0]!;
  const rest = ordered.slice(1);
  if (rest[0]![1].at.getTime() - first.at.getTime() < 15_000) return [];
  const talk = evidence.filter((e) => words(e) && mentions(e.text, service));
  return [
    {
      service,
      title: `${service} failed first: ${clip(alertTitle(first), 120)}`,
      score: 0.45 + Math.min(0.1 * talk.length, 0.3),
      evidenceFor: [
        { text: `${service} alerted at ${formatTime(first.at)}, before ${rest.map(([s]) => s).join(", ")}.`, citations: [first.id, ...rest.map(([, e]) => e.id)] },
        ...talk.slice(0, 3).map(said),
      ],
      evidenceAgainst: [],
    },
  ];
}

/** Error signatures quoted in chat and notes, grouped by the cause they point at. */
function fromSignatures(evidence: DraftEvidence[], alertServices: Set<string>): (RootCauseCandidate & { services: string[] })[] {
  return SIGNATURES.flatMap(({ pattern, cause }) => {
    const quotes = evidence.filter((e) => words(e) && pattern.test(e.text));
    if (quotes.length === 0) return [];
    const people = new Set(quotes.map((e) => authorOf(e) ?? e.id));
    // Name it in the words responders used ("credential stuffing", "certificate has expired").
    const counts = new Map<string, number>();
    for (const e of quotes) {
      const phrase = pattern.exec(e.text)?.[0]?.toLowerCase();
      if (phrase) counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
    }
    const common = [...counts.entries()].sort((x, y) => y[1] - x[1])[0]?.[0];
    // Quotes that name an alerting service tie the signature to the outage.
    const onServices = [...alertServices].filter((s) => quotes.some((q) => mentions(q.text, s)));
    const where = onServices.length ? ` on ${onServices.slice(0, 2).join(", ")}` : "";
    return [
      {
        services: onServices,
        title: `${cause}${where}${common ? ` (“${common}”)` : ""}`,
        score: 0.3 + Math.min(0.12 * people.size, 0.36) + (onServices.length ? 0.2 : 0),
        evidenceFor: quotes.slice(0, 4).map(said),
        evidenceAgainst: [],
      },
    ];
  });
}

/** Ranked, preliminary root-cause candidates with the evidence for and against each. */
export function rankRootCauses(evidence: DraftEvidence[], incidentServices: string[] = []): DraftSections["rootCause"] {
  const firstAlert = evidence.find((e) => e.kind === "trigger");
  // Alerts name their services; when none do, the incident's own services stand in.
  const fromAlerts = evidence.filter((e) => e.kind === "trigger").flatMap(servicesOf);
  const alertServices = new Set(fromAlerts.length > 0 ? fromAlerts : incidentServices.map((s) => s.toLowerCase()));
  // The service that failed first and an error quoted about that same service are one story:
  // what broke and how. Fold the first into the second rather than rank them against each other.
  let chain = fromFirstAlert(evidence);
  const signatures = fromSignatures(evidence, alertServices).map(({ services, ...signature }) => {
    const match = chain.find((c) => services.includes(c.service));
    if (!match) return signature;
    chain = chain.filter((c) => c !== match);
    return { ...signature, score: Math.max(signature.score, match.score) + 0.1, evidenceFor: [...match.evidenceFor.slice(0, 1), ...signature.evidenceFor] };
  });
  const candidates = [
    ...fromNotes(evidence),
    ...(firstAlert ? fromChanges(evidence, firstAlert.at, alertServices) : []),
    ...chain.map((c) => ({ title: c.title, score: c.score, evidenceFor: c.evidenceFor, evidenceAgainst: c.evidenceAgainst })),
    ...signatures,
  ]
    .map((c) => ({ ...c, score: Math.max(0, Math.min(1, Number(c.score.toFixed(2)))) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 5);
  const top = candidates[0];
  const unknownNotes = evidence.filter((e) => words(e) && /root cause|cause/i.test(e.text) && UNKNOWN_CAUSE.test(e.text));
  const statements: Statement[] =
    top && top.score > 0.5
      ? [{ text: sentence(`Preliminary, not yet confirmed by a person: most likely ${top.title}`), citations: [...new Set(top.evidenceFor.flatMap((s) => s.citations))] }]
      : [
          {
            text: "Not enough evidence to name a likely root cause yet; no change, first-failing dependency or error signature clearly explains it.",
            citations: [],
          },
          ...unknownNotes.slice(0, 2).map((e) => ({ text: `Responders wrote: “${clip(e.text, 200)}”`, citations: [e.id] })),
        ];
  return { status: "preliminary", candidates, statements };
}
