const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function layout(title: string, intro: string, link: string, cta: string, outro: string) {
  return {
    text: `${intro}\n\n${cta}: ${link}\n\n${outro}\n\n— Nerava`,
    html: `<div style="font-family:system-ui,sans-serif;max-width:480px"><h1 style="font-size:20px">${escape(title)}</h1>
<p>${escape(intro)}</p><p><a href="${escape(link)}" style="background:#059669;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none">${escape(cta)}</a></p>
<p style="color:#64748b">${escape(outro)}</p></div>`,
  };
}

export function magicLinkEmail(link: string) {
  return {
    subject: "Your Nerava sign-in link",
    link,
    ...layout(
      "Sign in to Nerava",
      "Use this link to sign in. It works once, for 15 minutes.",
      link,
      "Sign in",
      "If you did not ask for this, ignore this email: nobody can sign in without the link.",
    ),
  };
}

export function passwordResetEmail(link: string) {
  return {
    subject: "Reset your Nerava password",
    link,
    ...layout(
      "Reset your password",
      "Use this link to choose a new password. It works once, for 30 minutes.",
      link,
      "Choose a new password",
      "If you did not ask for this, ignore this email; your password stays as it is.",
    ),
  };
}

export function spendNoticeEmail(spend: { merchantName: string; amount: number; when: Date }, link: string) {
  const nova = `${spend.amount.toLocaleString("en-US")} Nova`;
  const when = `${spend.when.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  return {
    subject: `You paid ${nova} at ${spend.merchantName}`,
    link,
    ...layout(
      `You paid ${nova}`,
      `${spend.merchantName} took ${nova} from your Nerava wallet on ${when}, with a spend code from your app.`,
      link,
      "Not me? Report it",
      "If you made this payment, there is nothing to do.",
    ),
  };
}

const usd = (cents: number) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(cents / 100);

/** A cash-out's outcome: paid, failed (money on its way back) or returned (back in the wallet). */
export function payoutNoticeEmail(
  payout: { netCents: number; amountCents: number; kind: "paid" | "failed" | "returned"; reason: string | null },
  link: string,
) {
  const copy = {
    paid: {
      subject: `Your ${usd(payout.netCents)} cash-out is on its way to your bank`,
      intro: `Stripe has paid ${usd(payout.netCents)} to your bank account. Banks can take a day to show it.`,
      outro: "Nothing else to do.",
    },
    failed: {
      subject: "Your cash-out could not be completed",
      intro: `${payout.reason ?? "Your bank could not accept the deposit."} We are bringing the ${usd(payout.amountCents)} back to your Nerava wallet.`,
      outro: "You will get another email when it is back. Nothing was lost.",
    },
    returned: {
      subject: `${usd(payout.amountCents)} is back in your Nerava wallet`,
      intro:
        `The cash-out did not go through, so ${usd(payout.amountCents)} is available in your wallet again. ${payout.reason ?? ""}`.trim(),
      outro: "You can cash out again once your bank details are right.",
    },
  }[payout.kind];
  return { subject: copy.subject, link, ...layout(copy.subject, copy.intro, link, "See your cash-out", copy.outro) };
}

/** An owner's invitation to join a merchant's team on Nerava. */
export function teamInviteEmail(
  invite: { merchantName: string; role: "OWNER" | "STAFF"; inviter: string },
  link: string,
) {
  const as = invite.role === "OWNER" ? "an owner" : "staff";
  return {
    subject: `Join ${invite.merchantName} on Nerava`,
    link,
    ...layout(
      `Join ${invite.merchantName}`,
      `${invite.inviter} invited you to join ${invite.merchantName} on Nerava as ${as}. The link works for 7 days; sign in or sign up with this email address to accept.`,
      link,
      "Accept the invitation",
      "If you were not expecting this, ignore this email: nothing happens without the link.",
    ),
  };
}

/** To a merchant's owners: a matched purchase's reward waits until their prepaid cash can fund it. */
export function purchaseWaitingFundsEmail(
  notice: { merchantName: string; waiting: number; balanceCents: number },
  link: string,
) {
  const rewards = notice.waiting === 1 ? "A purchase reward is" : `${notice.waiting} purchase rewards are`;
  return {
    subject: "A purchase reward is waiting for funds",
    link,
    ...layout(
      "A purchase reward is waiting for funds",
      `${rewards} waiting at ${notice.merchantName}: a driver who charged nearby bought from you, but your prepaid balance (${usd(notice.balanceCents)}) cannot fund the reward. It is paid as soon as you top up.`,
      link,
      "Top up your balance",
      "Drivers see the reward once it is funded. You get this email at most once a day.",
    ),
  };
}

/** To a merchant's owners: their prepaid cash fell below the low-balance mark after paying a reward. */
export function lowBalanceEmail(
  notice: { merchantName: string; balanceCents: number; thresholdCents: number },
  link: string,
) {
  return {
    subject: "Your prepaid balance is low",
    link,
    ...layout(
      "Your prepaid balance is low",
      `${notice.merchantName} has ${usd(notice.balanceCents)} of prepaid cash left, below ${usd(notice.thresholdCents)}. Purchase rewards wait when it runs out.`,
      link,
      "Top up your balance",
      "You get this email at most once a day while the balance stays low.",
    ),
  };
}

/** To a driver: Nova they earned long ago expire soon unless they charge or redeem before then. */
export function novaExpiryReminderEmail(expiry: { amount: bigint | number; expiresOn: Date }, link: string) {
  const nova = `${Number(expiry.amount).toLocaleString("en-US")} Nova`;
  const on = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(expiry.expiresOn);
  return {
    subject: `${nova} expiring on ${on}`,
    link,
    ...layout(
      `${nova} expiring on ${on}`,
      `${nova} in your Nerava wallet expire on ${on}. A verified charging session or a redeemed offer before then keeps all your Nova for another period.`,
      link,
      "Open your wallet",
      "You get this email once for each expiry date.",
    ),
  };
}
