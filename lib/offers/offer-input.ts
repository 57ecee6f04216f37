import { z } from "zod";
import { formKey, wholeNumber } from "@/lib/validation";

const blankAsNull = (v: unknown) => (v === "" || v === undefined ? null : v);
const when = (message: string) => z.iso.datetime({ offset: true, message }).transform((s) => new Date(s));
const limit = (what: string) =>
  z.preprocess(
    blankAsNull,
    wholeNumber({
      min: 1,
      max: 1_000_000,
      message: `The ${what} is a whole number.`,
      tooSmall: `The ${what} is at least 1 (leave it empty for no limit).`,
      tooBig: `The ${what} is at most 1,000,000.`,
    }).nullable(),
  );

export const merchantIdInput = z.string().min(1, "Choose a merchant.").max(64);
export const offerIdInput = z.string().min(1, "That offer was not found.").max(64);

/** The fields of the offer form, shared by create and edit. */
const offerFields = {
  merchantId: merchantIdInput,
  title: z.string().trim().min(3, "The title is 3 to 80 characters.").max(80, "The title is 3 to 80 characters."),
  description: z
    .string()
    .trim()
    .min(10, "The description is 10 to 500 characters.")
    .max(500, "The description is 10 to 500 characters."),
  novaPrice: wholeNumber({
    min: 1,
    max: 100_000,
    message: "The price is a whole number of Nova.",
    tooSmall: "The price is at least 1 Nova.",
    tooBig: "The price is at most 100,000 Nova.",
  }),
  startsAt: when("Choose when the offer starts."),
  endsAt: z.preprocess(blankAsNull, when("Choose a valid end, or leave it empty.").nullable()),
  totalLimit: limit("total limit"),
  perDriverLimit: limit("per-driver limit"),
  /** A checkbox: present ("on") when ticked, absent otherwise. */
  unlockOnly: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
};

type Fields = z.infer<z.ZodObject<typeof offerFields>>;

// refinements across fields: the window is ordered, a driver cannot be allowed more than everyone
function checkAcross(o: Fields, ctx: z.RefinementCtx) {
  if (o.endsAt && o.endsAt <= o.startsAt)
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "The offer must end after it starts." });
  if (o.totalLimit !== null && o.perDriverLimit !== null && o.perDriverLimit > o.totalLimit)
    ctx.addIssue({
      code: "custom",
      path: ["perDriverLimit"],
      message: "The per-driver limit cannot be more than the total limit.",
    });
}

/** A new offer, with the form's idempotency key (the same form sent twice makes one offer). */
export const createOfferInput = z.object({ ...offerFields, requestKey: formKey }).superRefine(checkAcross);
export const updateOfferInput = z.object({ ...offerFields, offerId: offerIdInput }).superRefine(checkAcross);
export const offerRefInput = z.object({ merchantId: merchantIdInput, offerId: offerIdInput });

export type CreateOfferInput = Omit<z.infer<typeof createOfferInput>, "requestKey"> & { requestKey?: string };
export type UpdateOfferInput = z.infer<typeof updateOfferInput>;
export type OfferRef = z.infer<typeof offerRefInput>;
