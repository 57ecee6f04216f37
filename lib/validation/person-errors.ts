import { z } from "zod";

// Zod's own wording ("Too small: expected string to have >=10 characters", "Invalid option:
// expected one of …") must never reach a person. Schemas that face people carry their own
// sentences; this map is the floor under them: every parse whose messages a person may read (the
// action and route wrappers, pages that show a refusal) goes through parseForPerson, so a check a
// schema left without words still answers in a sentence. A schema's own message always wins.

const count = (n: unknown) => (typeof n === "bigint" || typeof n === "number" ? n.toLocaleString("en-US") : String(n));

type RawIssue = z.core.$ZodRawIssue;

function tooSmall(i: Extract<RawIssue, { code: "too_small" }>): string {
  const n = count(i.minimum);
  if (i.origin === "string") return Number(i.minimum) <= 1 ? "This is required." : `Enter at least ${n} characters.`;
  if (i.origin === "array" || i.origin === "set") return `Choose at least ${n}.`;
  if (i.origin === "date") return "Choose a later date.";
  return i.inclusive === false ? `Enter more than ${n}.` : `Enter ${n} or more.`;
}

function tooBig(i: Extract<RawIssue, { code: "too_big" }>): string {
  const n = count(i.maximum);
  if (i.origin === "string") return `Enter at most ${n} characters.`;
  if (i.origin === "array" || i.origin === "set") return `Choose at most ${n}.`;
  if (i.origin === "date") return "Choose an earlier date.";
  return i.inclusive === false ? `Enter less than ${n}.` : `Enter ${n} or less.`;
}

const TYPE_WORDS: Record<string, string> = {
  number: "Enter a number.",
  int: "Enter a whole number.",
  bigint: "Enter a whole number.",
  boolean: "Choose yes or no.",
  date: "Enter a date.",
  string: "Enter text here.",
};

const FORMAT_WORDS: Record<string, string> = {
  email: "Enter an email address, such as name@example.com.",
  url: "Enter a full web address, starting with https://.",
  datetime: "Enter a date and time.",
  date: "Enter a date.",
  time: "Enter a time, such as 17:30.",
  uuid: "This is not a reference our pages send.",
  cuid: "This is not a reference our pages send.",
};

/** One issue as a sentence a person can act on, without a field name (the form shows it under the field). */
export function personMessage(issue: RawIssue): string {
  switch (issue.code) {
    case "invalid_type": {
      const input = issue.input;
      if (input === undefined || input === null || input === "") return "This is required.";
      if (typeof input === "number" && Number.isNaN(input)) return "Enter a number.";
      return TYPE_WORDS[issue.expected] ?? "This is not in the form this page sends.";
    }
    case "too_small":
      return tooSmall(issue);
    case "too_big":
      return tooBig(issue);
    case "invalid_value":
      return "Choose one of the options offered.";
    case "invalid_format":
      return FORMAT_WORDS[issue.format] ?? "This is not in the expected format.";
    case "not_multiple_of":
      return `Enter a multiple of ${count(issue.divisor)}.`;
    case "unrecognized_keys":
      return "This has fields our pages do not send.";
    case "invalid_union":
      return unionMessage(issue);
    case "invalid_key":
    case "invalid_element":
      return "Something in this list is not valid.";
    default:
      return "This is not valid.";
  }
}

/**
 * A union refuses with one issue holding each branch's own. The branch that accepted the input's
 * type but refused its content says what is wrong ("must be a decimal number such as 30.2672" for
 * "NaN" given where a number or a decimal string is taken); with no such branch, a general sentence.
 */
function unionMessage(issue: Extract<RawIssue, { code: "invalid_union" }>): string {
  const branches: z.core.$ZodIssue[][] = "errors" in issue && Array.isArray(issue.errors) ? issue.errors : [];
  const typed = branches.find((b) => b.length > 0 && b.every((i) => i.code !== "invalid_type"));
  const message = typed?.[0]?.message;
  return message && !ZOD_WORDING.test(message) ? message : "This is not one of the accepted choices.";
}

/** The error map for a parse a person may read (lower precedence than a schema's own messages). */
export const personErrorMap: z.core.$ZodErrorMap = (issue) => personMessage(issue);

/** safeParse with sentences for every check the schema left without its own words. */
export function parseForPerson<S extends z.ZodType>(schema: S, raw: unknown): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(raw, { error: personErrorMap });
}

/** Matches zod's own wording, to prove none of it reaches a person. */
export const ZOD_WORDING = /expected|Invalid (option|input)|Too (small|big)|>=|<=/;

/** A finished issue's message, or a sentence in its place when it is zod's own wording (a parse made elsewhere). */
export const issueSentence = (issue: z.core.$ZodIssue): string =>
  ZOD_WORDING.test(issue.message) ? personMessage(issue as unknown as RawIssue) : issue.message;
