import disposableDomains from "disposable-email-domains";

const GMAIL = new Set(["gmail.com", "googlemail.com"]);
const DISPOSABLE = new Set(disposableDomains);

/** One mailbox's canonical address: lower case, no +tag, and for Gmail no dots (one inbox, many spellings). */
export function canonicalEmail(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at <= 0) return null;
  const domain = email.slice(at + 1).toLowerCase();
  let local = email.slice(0, at).toLowerCase().split("+")[0];
  if (GMAIL.has(domain)) return `${local.replace(/\./g, "")}@gmail.com`;
  if (!local) local = email.slice(0, at).toLowerCase();
  return `${local}@${domain}`;
}

/** Whether the address is at a throwaway mailbox provider (the maintained `disposable-email-domains` list). */
export function isDisposableEmail(email: string): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  const parts = domain.split(".");
  // a subdomain of a listed domain counts too (x.mailinator.com)
  for (let i = 0; i < parts.length - 1; i++) if (DISPOSABLE.has(parts.slice(i).join("."))) return true;
  return false;
}

/** A phone number's last ten digits: +1 (512) 555-0101, 512.555.0101 and 15125550101 are one line. */
export function normalisedPhone(phone: string): string | null {
  const digits = phone.replace(/\D/g, "");
  return digits.length >= 7 ? digits.slice(-10) : null;
}
