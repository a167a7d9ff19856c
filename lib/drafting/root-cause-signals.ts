/** Error signatures responders quote, and the kind of cause each points at. */
export const SIGNATURES: { pattern: RegExp; cause: string }[] = [
  { pattern: /certificate (has )?expired|x509|ssl handshake|tls handshake|notAfter/i, cause: "Expired or invalid TLS certificate" },
  { pattern: /NXDOMAIN|ENOTFOUND|dns (lookup|resolution)|no such host|could not resolve/i, cause: "DNS resolution failure" },
  { pattern: /OOMKilled|out of memory|OOM\b|memory limit/i, cause: "Out of memory" },
  { pattern: /connection refused|ECONNREFUSED/i, cause: "Connection refused by a dependency" },
  { pattern: /too many connections|connection pool (exhausted|full)|pool timeout/i, cause: "Connection pool exhaustion" },
  { pattern: /no space left|disk (is )?full/i, cause: "Disk full" },
  { pattern: /credential stuffing|brute.?force|leaked (key|token|credentials)|account takeover/i, cause: "Credential attack" },
  { pattern: /NullPointerException|segfault|panic:|stack trace|TypeError|undefined is not/i, cause: "Application error in new code" },
  { pattern: /\b(503|502|504)\b.*\b(from|upstream)\b|upstream (connect )?error|provider outage|status page/i, cause: "Upstream dependency failure" },
  { pattern: /threshold|flapp|noisy alert|mis-?tuned/i, cause: "Alert threshold mis-tuned" },
  { pattern: /max ?replicas|HPA|autoscal|capacity|throttl/i, cause: "Capacity limit reached" },
];

/** "Root cause: X." or "caused by X" in a person's note: their reading of the evidence. */
export const ROOT_CAUSE_PHRASE = /(?:root cause(?: is| was)?:?|caused by)\s+([^.\n]{3,160})/i;
export const UNKNOWN_CAUSE = /\b(unknown|not (yet )?(known|found|clear)|no idea|couldn'?t find|nothing (found|obvious))\b/i;

/** A rollback or revert that did not help speaks against the thing rolled back. */
export const ROLLBACK_DID_NOT_HELP = /(roll(ed|ing)?\s?back|revert(ed)?)[^.]{0,80}\b(did ?n[o']t help|no (change|effect|difference)|changed nothing|still (failing|erroring|broken))|(did ?n[o']t help|no change|changed nothing)[^.]{0,60}(roll(ed|ing)?\s?back|revert)/i;
export const ROLLBACK_HELPED = /(roll(ed|ing)?\s?back|revert(ed)?)[^.]{0,80}\b(recover|back to normal|fixed|errors? (stopped|gone|dropp))/i;

/**
 * After a rollback: families of wording that say it changed nothing ("still failing", "no
 * change", "keeps failing", "didn't help", "the same errors", "it wasn't the release").
 */
export const STILL_BROKEN =
  /\bstill (failing|erroring|broken|down|seeing|timing out|happening|there)\b|\bno (change|effect|difference|improvement)\b|\bdid ?n[o']t (help|fix|change)\b|\bkeeps? (failing|erroring|happening)\b|\b(same|identical) ([a-z0-9]+ )?(errors?|failures?)\b|\b(was|is)n'?t (it|the (deploy|release|change|cause))\b/i;
export const RECOVERED = /recover|back to (normal|baseline|\d)|errors? (stopped|gone|dropp)|looks? (good|healthy)|fixed/i;
export const ROLLBACK_WORDS = /roll(ed|ing)?\s?back|revert/i;
const AFTER_ROLLBACK_MS = 30 * 60_000;
export const isWithinAfter = (at: Date, start: Date) => at >= start && at.getTime() - start.getTime() <= AFTER_ROLLBACK_MS;

/**
 * Someone ruling a suspect out: "unrelated", "red herring", "not related", "ruled out", "isn't
 * in the path", "doesn't serve/touch …", "not the cause".
 */
export const RULED_OUT =
  /\b(unrelated|red herring|not related|ruled (it )?out|rule (it )?out|not the (cause|culprit)|(is|was)n'?t (the cause|related|involved)|(is|was)n'?t (in|on) the (call |request )?path|not (in|on) the (call |request )?path|doesn'?t (serve|touch|affect|handle|call))\b/i;

/** How close before the first alert a change must be to be a suspect. */
export const CHANGE_WINDOW_MS = 60 * 60_000;
