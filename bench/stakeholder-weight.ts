import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import type { Db } from "@/lib/db";
import { createShareLink } from "@/lib/stakeholder/create-share-link";
import { approveDraftedIncident } from "../tests/helpers/approved-incident";
import { createActorCtx } from "../tests/helpers/actors";

/** `files`: the build's files the HTML loads; `inline`: the text of its inline scripts. `gzipBytes` counts both, as the browser receives them. */
export type PageWeight = { path: string; files: number; inlineScripts: number; fileGzipBytes: number; inlineGzipBytes: number; gzipBytes: number; rawBytes: number };
export type StakeholderWeightResult = {
  name: "stakeholder-weight";
  date: string;
  status: PageWeight;
  login: PageWeight;
  ratio: number;
  target: string;
  isMet: boolean;
};

const gzip = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/**
 * First-load JavaScript of a page: the build's files its HTML loads, gzipped as they would travel,
 * plus its inline scripts (Next's bootstrap and RSC payload; the share page's poller), gzipped
 * together as one stream, as they travel inside the HTML. A script tag with a src outside
 * /_next/static would be uncounted, so it fails the bench instead.
 */
async function weighPage(baseUrl: string, path: string): Promise<PageWeight> {
  const response = await fetch(`${baseUrl}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  const html = await response.text();
  // nomodule scripts (the legacy polyfills) are skipped by every browser that runs modules.
  const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bnomodule\b/i.test(m[1]!));
  const sources = tags.map((m) => /\bsrc="([^"]*)"/.exec(m[1]!)?.[1]).filter((src): src is string => src !== undefined);
  const foreign = sources.filter((src) => !src.startsWith("/_next/static/"));
  if (foreign.length > 0) throw new Error(`${path} loads scripts this bench does not weigh: ${foreign.join(", ")}`);
  const scripts = [...new Set(sources.map((src) => src.split("?")[0]!))];
  const inline = tags.filter((m) => !/\bsrc=/.test(m[1]!)).map((m) => m[2]!);
  let fileGzipBytes = 0;
  let rawBytes = 0;
  for (const src of scripts) {
    const bytes = readFileSync(`.next/static/${src.slice("/_next/static/".length)}`);
    rawBytes += bytes.length;
    fileGzipBytes += gzip(bytes);
  }
  const inlineText = inline.join("\n");
  rawBytes += Buffer.byteLength(inlineText);
  const inlineGzipBytes = inline.length > 0 ? gzip(inlineText) : 0;
  return {
    path: path.replace(/\/status\/.+/, "/status/[token]"),
    files: scripts.length,
    inlineScripts: inline.length,
    fileGzipBytes,
    inlineGzipBytes,
    gzipBytes: fileGzipBytes + inlineGzipBytes,
    rawBytes,
  };
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
    ratio: Number((status.gzipBytes / login.gzipBytes).toPrecision(2)),
    target: "first-load JavaScript of /status/[token] ≤ 120 kB (gzip, inline scripts included)",
    isMet: status.gzipBytes <= 120 * 1024,
  };
}
