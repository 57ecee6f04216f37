import { describe, expect, it } from "vitest";
import { buttonError, formError, unplacedError } from "@/components/auth/action-state";

// A refusal of a field the form does not show (a hidden id, a form key, an unsubscribe token) must
// reach the person as its sentence, not as "Please correct the highlighted fields." with nothing highlighted.

const refused = (fields?: Record<string, string>) => ({
  ok: false as const,
  error: { code: "invalid_input", message: "Please correct the highlighted fields.", fields },
});

describe("where a refusal's sentences go", () => {
  it("a button's form (every field hidden) shows the field's own sentence", () => {
    const state = refused({ token: "This unsubscribe link is incomplete. Open it straight from the email." });
    expect(formError(state)).toBe("Please correct the highlighted fields.");
    expect(buttonError(state)).toBe("This unsubscribe link is incomplete. Open it straight from the email.");
    expect(buttonError({ ok: false, error: { code: "event_state", message: "Nothing to settle." } })).toBe(
      "Nothing to settle.",
    );
    expect(buttonError(null)).toBeUndefined();
    expect(buttonError({ ok: true, data: undefined })).toBeUndefined();
  });

  it("a form with fields on screen alerts only what has no field to sit under", () => {
    const shown = ["name", "area"];
    expect(unplacedError(refused({ name: "Name must be at least 3 characters." }), shown)).toBeUndefined();
    expect(
      unplacedError(
        refused({ name: "Too short.", requestKey: "This form is out of date. Reload the page and try again." }),
        shown,
      ),
    ).toBe("This form is out of date. Reload the page and try again.");
    expect(unplacedError({ ok: false, error: { code: "forbidden", message: "Owners only." } }, shown)).toBe(
      "Owners only.",
    );
  });
});
