import { createHash } from "node:crypto";
import type { RuleKey } from "./rules";

export type RelatedAccount = { id: string; email: string | null; phone: string | null; status: string; note?: string };
export type EvidencePing = { at: string; latitude: number; longitude: number; accuracyMeters: number; note?: string };
export type TimelineItem = { at: string; what: string };
/** What a flag shows the reviewer, side by side: facts, the other accounts, the pings, the timeline. */
export type Evidence = {
  facts: string[];
  accounts?: RelatedAccount[];
  pings?: EvidencePing[];
  timeline?: TimelineItem[];
};
export type Finding = { rule: RuleKey; summary: string; fingerprint: string; evidence: Evidence };

/** A finding's identity from the things it is about (other account ids, a session, an hour): never raised twice. */
export const fingerprintOf = (...parts: (string | number)[]) =>
  createHash("sha256").update(parts.map(String).join("|")).digest("hex").slice(0, 32);
