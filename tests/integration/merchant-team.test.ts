import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  acceptInvite,
  acceptInviteWithNewAccount,
  findInvite,
  inviteMember,
  listTeam,
  removeMember,
  revokeInvite,
} from "@/lib/merchants";
import { actAs, refusedWith, run } from "../support/actions";
import { asMerchant, createMerchant, createUser, fakeMeta, signedIn, testDb, uid } from "../support/factories";

vi.mock("next/headers", async () => (await import("../support/actions")).nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { inviteMemberAction } = await import("@/lib/actions/merchant/manage-team");

afterAll(() => testDb.$disconnect());
beforeEach(() => actAs(""));

/** The invite link's token, read back from the sandbox outbox like a person reading their email. */
async function tokenSentTo(email: string) {
  const mail = await testDb.outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const match = mail.link?.match(/\/merchant\/invite\/([A-Za-z0-9_-]+)$/);
  if (!match) throw new Error(`no invite link in ${mail.link}`);
  return match[1];
}

async function shopWithOwner() {
  const owner = await createUser({ role: "MERCHANT" });
  const shop = await createMerchant(owner.id);
  return { owner, shop, actor: asMerchant(owner.id) };
}

describe("invitations", () => {
  it("invite → accept with the invited email → one STAFF member; the link stores only its hash", async () => {
    const { shop, actor } = await shopWithOwner();
    const staff = await createUser({ role: "MERCHANT" });
    await inviteMember(actor, { merchantId: shop.id, email: staff.email!, role: "STAFF" }, fakeMeta());
    const token = await tokenSentTo(staff.email!);
    const row = await testDb.merchantInvite.findFirstOrThrow({ where: { merchantId: shop.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(6.9 * 24 * 3600_000);
    expect(await findInvite(token)).toMatchObject({ merchantName: shop.name, state: "open", role: "STAFF" });

    await acceptInvite(asMerchant(staff.id), { token }, fakeMeta());
    await expect(acceptInvite(asMerchant(staff.id), { token }, fakeMeta())).rejects.toMatchObject({
      code: "invite_invalid",
    });
    const members = await testDb.merchantMember.findMany({ where: { merchantId: shop.id, userId: staff.id } });
    expect(members.map((m) => m.role)).toEqual(["STAFF"]);
    expect(await testDb.auditLog.count({ where: { targetId: shop.id, action: "merchant.team_join" } })).toBe(1);
    expect(await findInvite(token)).toMatchObject({ state: "closed" });
  });

  it("refuses an accept by a different email, and leaves the invitation usable", async () => {
    const { shop, actor } = await shopWithOwner();
    const email = `invitee-${uid()}@test.local`;
    await inviteMember(actor, { merchantId: shop.id, email, role: "STAFF" }, fakeMeta());
    const token = await tokenSentTo(email);
    const other = await createUser({ role: "MERCHANT" });
    await expect(acceptInvite(asMerchant(other.id), { token }, fakeMeta())).rejects.toMatchObject({
      code: "invite_wrong_email",
      status: 403,
      message: expect.stringContaining(email),
    });
    expect(await testDb.merchantMember.count({ where: { merchantId: shop.id, userId: other.id } })).toBe(0);
    expect(await findInvite(token)).toMatchObject({ state: "open" });
  });

  it("refuses an expired or revoked link; a new person can join with a fresh one", async () => {
    const { shop, actor } = await shopWithOwner();
    const email = `late-${uid()}@test.local`;
    await inviteMember(actor, { merchantId: shop.id, email, role: "STAFF" }, fakeMeta());
    const expired = await tokenSentTo(email);
    await testDb.merchantInvite.updateMany({
      where: { merchantId: shop.id, email },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const input = { token: expired, name: "Late Larry", password: "a long unusual passphrase" };
    await expect(acceptInviteWithNewAccount(input, fakeMeta())).rejects.toMatchObject({ code: "invite_invalid" });
    expect(await testDb.user.count({ where: { email } })).toBe(0);

    // the expired one is retired so the owner can send again; a revoked link is dead at once
    await inviteMember(actor, { merchantId: shop.id, email, role: "STAFF" }, fakeMeta());
    const second = await tokenSentTo(email);
    const pending = await listTeam(actor, shop.id);
    await revokeInvite(actor, { merchantId: shop.id, inviteId: pending.invites[0].id }, fakeMeta());
    await expect(acceptInviteWithNewAccount({ ...input, token: second }, fakeMeta())).rejects.toMatchObject({
      code: "invite_invalid",
    });

    await inviteMember(actor, { merchantId: shop.id, email, role: "OWNER" }, fakeMeta());
    const joined = await acceptInviteWithNewAccount({ ...input, token: await tokenSentTo(email) }, fakeMeta());
    expect(joined.merchantId).toBe(shop.id);
    const user = await testDb.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.role).toBe("MERCHANT");
    expect(user.memberships.map((m) => m.role)).toEqual(["OWNER"]);
  });

  it("one pending invitation per email; an existing member cannot be invited", async () => {
    const { owner, shop, actor } = await shopWithOwner();
    const email = `twice-${uid()}@test.local`;
    await inviteMember(actor, { merchantId: shop.id, email, role: "STAFF" }, fakeMeta());
    await expect(inviteMember(actor, { merchantId: shop.id, email, role: "STAFF" }, fakeMeta())).rejects.toMatchObject({
      code: "invite_pending",
    });
    await expect(
      inviteMember(actor, { merchantId: shop.id, email: owner.email!, role: "STAFF" }, fakeMeta()),
    ).rejects.toMatchObject({
      code: "already_member",
    });
    expect(await testDb.merchantInvite.count({ where: { merchantId: shop.id } })).toBe(1);
  });
});

describe("team management is for owners of that merchant", () => {
  async function shopWithStaff() {
    const w = await shopWithOwner();
    const staff = await createUser({ role: "MERCHANT" });
    const member = await testDb.merchantMember.create({
      data: { merchantId: w.shop.id, userId: staff.id, role: "STAFF" },
    });
    return { ...w, staff, member };
  }

  it("refuses staff with 403 and a sentence, on every team call and through the action", async () => {
    const { shop, owner, staff } = await shopWithStaff();
    const asStaff = asMerchant(staff.id);
    const ownerRow = await testDb.merchantMember.findFirstOrThrow({ where: { merchantId: shop.id, userId: owner.id } });
    const refused = { status: 403, message: expect.stringContaining("Only an owner") };
    await expect(listTeam(asStaff, shop.id)).rejects.toMatchObject(refused);
    await expect(
      inviteMember(asStaff, { merchantId: shop.id, email: `x-${uid()}@test.local`, role: "STAFF" }, fakeMeta()),
    ).rejects.toMatchObject(refused);
    await expect(
      removeMember(asStaff, { merchantId: shop.id, memberId: ownerRow.id }, fakeMeta()),
    ).rejects.toMatchObject(refused);
    actAs((await signedIn(staff.id)).sessionToken);
    expect(
      await run(inviteMemberAction, { merchantId: shop.id, email: `y-${uid()}@test.local`, role: "OWNER" }),
    ).toEqual(refusedWith("forbidden"));
    expect(await testDb.merchantInvite.count({ where: { merchantId: shop.id } })).toBe(0);
    expect(await testDb.merchantMember.count({ where: { merchantId: shop.id } })).toBe(2);
  });

  it("an owner removes staff, but never the last owner", async () => {
    const { shop, owner, actor, member } = await shopWithStaff();
    const ownerRow = await testDb.merchantMember.findFirstOrThrow({ where: { merchantId: shop.id, userId: owner.id } });
    await expect(removeMember(actor, { merchantId: shop.id, memberId: ownerRow.id }, fakeMeta())).rejects.toMatchObject(
      { code: "last_owner" },
    );
    await removeMember(actor, { merchantId: shop.id, memberId: member.id }, fakeMeta());
    expect((await listTeam(actor, shop.id)).members.map((m) => m.role)).toEqual(["OWNER"]);
  });

  it("two owners removing each other at once leave one owner", async () => {
    const { shop, owner, actor } = await shopWithOwner();
    const second = await createUser({ role: "MERCHANT" });
    const secondRow = await testDb.merchantMember.create({
      data: { merchantId: shop.id, userId: second.id, role: "OWNER" },
    });
    const firstRow = await testDb.merchantMember.findFirstOrThrow({ where: { merchantId: shop.id, userId: owner.id } });
    const results = await Promise.allSettled([
      removeMember(actor, { merchantId: shop.id, memberId: secondRow.id }, fakeMeta()),
      removeMember(asMerchant(second.id), { merchantId: shop.id, memberId: firstRow.id }, fakeMeta()),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await testDb.merchantMember.count({ where: { merchantId: shop.id, role: "OWNER" } })).toBe(1);
  });

  it("an owner of merchant A cannot see or change merchant B's team (404)", async () => {
    const a = await shopWithOwner();
    const b = await shopWithStaff();
    await expect(listTeam(a.actor, b.shop.id)).rejects.toMatchObject({ status: 404 });
    await expect(
      inviteMember(a.actor, { merchantId: b.shop.id, email: `z-${uid()}@test.local`, role: "OWNER" }, fakeMeta()),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      removeMember(a.actor, { merchantId: b.shop.id, memberId: b.member.id }, fakeMeta()),
    ).rejects.toMatchObject({ status: 404 });
    // B's member id under A's merchant is not found either (the scope is in the where)
    await expect(
      removeMember(a.actor, { merchantId: a.shop.id, memberId: b.member.id }, fakeMeta()),
    ).rejects.toMatchObject({ status: 404 });
    expect(await testDb.merchantMember.count({ where: { merchantId: b.shop.id } })).toBe(2);
  });
});
