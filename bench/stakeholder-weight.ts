import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Db } from "@/lib/db";
import { createShareLink } from "@/lib/stakeholder/create-share-link";
import { approveDraftedIncident } from "../tests/helpers/approved-incident";
import { createActorCtx } from "../tests/helpers/actors";

export type PageWeight = { path: string; files: number; gzipBytes: number; rawBytes: number };
export type StakeholderWeightResult = {
  name: "stakeholder-weight";
  date: string;
  status: PageWeight;
  login: PageWeight;
  ratio: number;
  target: string;
  isMet: boolean;
};

/** First-load JavaScript of a page: the build's files its HTML loads, gzipped as they would travel. */
async function weighPage(baseUrl: string, path: string): Promise<PageWeight> {
  const response = await fetch(`${baseUrl}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  const html = await response.text();
  // nomodule scripts (the legacy polyfills) are skipped by every browser that runs modules.
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  const scripts = [...new Set(tags.map((tag) => /\bsrc="(\/_next\/static\/[^"?]+)/.exec(tag)?.[1]).filter((src): src is string => Boolean(src)))];
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const src of scripts) {
    const bytes = readFileSync(`.next/static/${src.slice("/_next/static/".length)}`);
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { path: path.replace(/\/status\/.+/, "/status/[token]"), files: scripts.length, gzipBytes, rawBytes };
}

/** /status/[token] against /login, the lightest page a person without a session also opens. */
export async function benchStakeholderWeight(db: Db, baseUrl: string): Promise<StakeholderWeightResult> {
  const approved = await approveDraftedIncident(db, { title: "Bench stakeholder page" });
  const commander = await createActorCtx(db, "COMMANDER");
  const link = await createShareLink(commander, { key: approved.key, label: "Bench readers", expiresInHours: 24 });
  const status = await weighPage(baseUrl, `/status/${link.token}`);
  const login = await weighPage(baseUrl, "/login");
  return {
    name: "stakeholder-weight",
    date: new Date().toISOString(),
    status,
    login,
    ratio: Number((status.gzipBytes / login.gzipBytes).toFixed(2)),
    target: "first-load JavaScript of /status/[token] ≤ 120 kB (gzip)",
    isMet: status.gzipBytes <= 120 * 1024,
  };
}
