import { z } from "zod";
import { emailSchema } from "@/lib/auth";

/** The kinds of business a driver can filter by; the sign-up form offers exactly these. */
export const MERCHANT_CATEGORIES = [
  "Coffee",
  "Restaurant",
  "Grocery",
  "Retail",
  "Books",
  "Dessert",
  "Services",
] as const;

const coordinate = (what: string, limit: number) =>
  z.coerce
    .number({ error: `Enter the ${what} as a number, like ${limit === 90 ? "30.2672" : "-97.7431"}.` })
    .min(-limit, `The ${what} must be between -${limit} and ${limit}.`)
    .max(limit, `The ${what} must be between -${limit} and ${limit}.`);

/** What a business tells us when it signs up (the map picker replaces the two numbers later). */
export const businessInput = z.object({
  businessName: z.string().trim().min(2, "Enter your business's name.").max(80, "Use at most 80 characters."),
  category: z.enum(MERCHANT_CATEGORIES, { error: "Choose the kind of business from the list." }),
  address: z.string().trim().min(5, "Enter the street address drivers will visit.").max(200),
  latitude: coordinate("latitude", 90),
  longitude: coordinate("longitude", 180),
  contactPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{7,20}$/, "Enter a phone number with its area code, like +1 512 555 0100."),
  contactEmail: emailSchema,
});

export type BusinessInput = z.infer<typeof businessInput>;
