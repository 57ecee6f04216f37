"use client";

import { useRef } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { addBusinessAction, signUpBusinessAction } from "@/lib/actions/merchant/sign-up-business";
import { fieldError, formError, useFocusFirstInvalid, useKeptValues } from "@/components/auth/action-state";
import { EmailField, Field, FormAlert, Select, SubmitButton, TextField } from "@/components/ui/form-controls";

const KEPT = [
  "name",
  "email",
  "businessName",
  "category",
  "address",
  "latitude",
  "longitude",
  "contactPhone",
  "contactEmail",
] as const;

/**
 * The business sign-up: with `withAccount`, a new person's account fields come first and both are
 * created together; otherwise the signed-in merchant user adds a business. The server redirects.
 */
export function BusinessSignUpForm({
  withAccount,
  categories,
}: {
  withAccount: boolean;
  categories: readonly string[];
}) {
  const [state, formAction, pending] = useFormAction(withAccount ? signUpBusinessAction : addBusinessAction, null);
  const form = useRef<HTMLFormElement>(null);
  const { values, onSubmit } = useKeptValues(KEPT);
  useFocusFirstInvalid(form, state);
  const err = (f: string) => fieldError(state, f);

  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={formError(state)} />
      {withAccount ? (
        <fieldset className="space-y-4">
          <legend className="text-sm font-semibold text-slate-900">You</legend>
          <TextField
            name="name"
            label="Your name"
            autoComplete="name"
            required
            maxLength={80}
            defaultValue={values.name}
            error={err("name")}
          />
          <EmailField
            defaultValue={values.email}
            error={err("email")}
            hint="You sign in with this. Use one that is not a driver account."
          />
          <TextField
            name="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            required
            hint="At least 10 characters. A few unrelated words work well."
            error={err("password")}
          />
        </fieldset>
      ) : null}
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">Your business</legend>
        <TextField
          name="businessName"
          label="Business name"
          required
          maxLength={80}
          defaultValue={values.businessName}
          error={err("businessName")}
        />
        <Field label="Kind of business" error={err("category")}>
          {(wiring) => (
            // keyed so React's reset after a failed attempt keeps the chosen kind (defaultValue alone does not)
            <Select
              key={values.category ?? ""}
              {...wiring}
              name="category"
              controlSize="md"
              className="mt-1"
              defaultValue={values.category ?? ""}
              required
            >
              <option value="" disabled>
                Choose one
              </option>
              {categories.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </Select>
          )}
        </Field>
        <TextField
          name="address"
          label="Street address"
          autoComplete="street-address"
          required
          defaultValue={values.address}
          error={err("address")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="latitude"
            label="Latitude"
            inputMode="decimal"
            required
            defaultValue={values.latitude}
            error={err("latitude")}
            hint="Like 30.2672"
          />
          <TextField
            name="longitude"
            label="Longitude"
            inputMode="decimal"
            required
            defaultValue={values.longitude}
            error={err("longitude")}
            hint="Like -97.7431"
          />
        </div>
        <p className="text-xs text-slate-500">
          Right-click your door on any online map to copy its position. A map picker replaces these two boxes soon.
        </p>
        <TextField
          name="contactPhone"
          label="Contact phone"
          type="tel"
          autoComplete="tel"
          required
          defaultValue={values.contactPhone}
          error={err("contactPhone")}
        />
        <TextField
          name="contactEmail"
          label="Contact email"
          type="email"
          inputMode="email"
          autoCapitalize="none"
          required
          defaultValue={values.contactEmail}
          error={err("contactEmail")}
          hint="Where we write about your application."
        />
      </fieldset>
      <SubmitButton pending={pending} pendingLabel="Sending…" size="lg" className="w-full">
        {withAccount ? "Create account and apply" : "Add this business"}
      </SubmitButton>
    </form>
  );
}
