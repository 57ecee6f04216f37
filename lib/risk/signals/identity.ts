import "server-only";
import { db } from "@/lib/db";
import { canonicalEmail, isDisposableEmail, normalisedPhone } from "../email";
import { fingerprintOf, type RelatedAccount } from "../finding";
import { daysBefore, type Detector } from "./context";

type AccountRow = { id: string; email: string | null; phone: string | null; status: string };
const related = (rows: AccountRow[], note?: string): RelatedAccount[] =>
  rows.map((r) => ({ id: r.id, email: r.email, phone: r.phone, status: r.status, note }));

export const sharedPhone: Detector = async ({ driver }) => {
  const phone = driver.phone ? normalisedPhone(driver.phone) : null;
  if (!phone) return null;
  const others = await db().$queryRaw<AccountRow[]>`
    SELECT "id", "email", "phone", "status"::text AS "status" FROM "User"
    WHERE "id" <> ${driver.id} AND "phone" IS NOT NULL
      AND right(regexp_replace("phone", '\\D', '', 'g'), 10) = ${phone}
    ORDER BY "createdAt" LIMIT 20`;
  if (others.length === 0) return null;
  return {
    rule: "shared_phone",
    summary: `${others.length + 1} accounts share the phone number ending ${phone.slice(-4)}.`,
    fingerprint: fingerprintOf(phone, ...others.map((o) => o.id).sort()),
    evidence: { facts: [`Phone (digits): …${phone.slice(-4)}`], accounts: related(others, "same phone") },
  };
};

export const sharedIp: Detector = async ({ driver, now }, t) => {
  const since = daysBefore(now, t.windowDays);
  // sign-ins are audit rows (auth.sign_in, with the client address); drivers only. Loopback is
  // never a client's own address (a local run, or a proxy not configured in TRUSTED_PROXY_HOPS).
  const rows = await db().$queryRaw<(AccountRow & { ip: string; signIns: bigint; lastAt: Date })[]>`
    WITH mine AS (
      SELECT DISTINCT "ip" FROM "AuditLog"
      WHERE "actorId" = ${driver.id} AND "action" = 'auth.sign_in' AND "createdAt" >= ${since}
        AND "ip" IS NOT NULL AND "ip" <> 'unknown' AND "ip" NOT LIKE '127.%' AND "ip" <> '::1'
    )
    SELECT a."ip", u."id", u."email", u."phone", u."status"::text AS "status",
           count(*) AS "signIns", max(a."createdAt") AS "lastAt"
    FROM "AuditLog" a JOIN mine ON mine."ip" = a."ip" JOIN "User" u ON u."id" = a."actorId"
    WHERE a."action" = 'auth.sign_in' AND a."createdAt" >= ${since} AND u."role" = 'DRIVER' AND u."id" <> ${driver.id}
    GROUP BY a."ip", u."id" ORDER BY a."ip", u."id"`;
  const byIp = new Map<string, typeof rows>();
  for (const r of rows) byIp.set(r.ip, [...(byIp.get(r.ip) ?? []), r]);
  const [ip, others] = [...byIp.entries()].sort((a, b) => b[1].length - a[1].length)[0] ?? [];
  if (!ip || !others || others.length + 1 < t.minAccounts) return null;
  return {
    rule: "shared_ip",
    summary: `${others.length + 1} driver accounts signed in from ${ip} in the last ${t.windowDays} days.`,
    fingerprint: fingerprintOf(ip, ...others.map((o) => o.id).sort()),
    evidence: {
      facts: [`Address: ${ip}`, `Window: ${t.windowDays} days`],
      accounts: others.map((o) => ({
        ...related([o])[0],
        note: `${o.signIns} sign-in${o.signIns === 1n ? "" : "s"} from ${ip}, last ${o.lastAt.toISOString().slice(0, 16).replace("T", " ")} UTC`,
      })),
    },
  };
};

export const emailAlias: Detector = async ({ driver }) => {
  const canonical = driver.email ? canonicalEmail(driver.email) : null;
  if (!canonical) return null;
  const others = await db().$queryRaw<AccountRow[]>`
    SELECT "id", "email", "phone", "status"::text AS "status" FROM "User"
    WHERE "id" <> ${driver.id} AND "email" IS NOT NULL AND (
      CASE WHEN split_part(lower("email"), '@', 2) IN ('gmail.com', 'googlemail.com')
        THEN replace(split_part(split_part(lower("email"), '@', 1), '+', 1), '.', '') || '@gmail.com'
        ELSE split_part(split_part(lower("email"), '@', 1), '+', 1) || '@' || split_part(lower("email"), '@', 2)
      END) = ${canonical}
    ORDER BY "createdAt" LIMIT 20`;
  if (others.length === 0) return null;
  return {
    rule: "email_alias",
    summary: `${others.length + 1} accounts use the mailbox ${canonical}.`,
    fingerprint: fingerprintOf(canonical, ...others.map((o) => o.id).sort()),
    evidence: { facts: [`Mailbox: ${canonical}`], accounts: related(others, "same mailbox") },
  };
};

export const disposableEmail: Detector = async ({ driver }) => {
  if (!driver.email || !isDisposableEmail(driver.email)) return null;
  const domain = driver.email.slice(driver.email.lastIndexOf("@") + 1).toLowerCase();
  return {
    rule: "disposable_email",
    summary: `The email address is at ${domain}, a throwaway mailbox provider.`,
    fingerprint: fingerprintOf(domain),
    evidence: { facts: [`Email: ${driver.email}`] },
  };
};
