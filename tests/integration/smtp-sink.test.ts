import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "../fakes/smtp-sink";

// Long enough that nodemailer wraps it with quoted-printable soft breaks, with `=` and `&` to escape.
const link =
  "http://127.0.0.1:3000/api/auth/callback/email?token=" +
  "a1B2c3=".repeat(12) +
  "&callbackUrl=http%3A%2F%2F127.0.0.1%3A3000%2Fdriver%3Ftab%3Dcharge&email=zo%C3%AB%40example.com";

let dir: string;
let sink: SmtpSink;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "smtp-sink-"));
  sink = await startSmtpSink({ dir });
});
afterAll(async () => {
  await sink.close();
  await rm(dir, { recursive: true, force: true });
});

describe("SMTP sink", () => {
  it("receives what nodemailer sends through the documented URL, with the link intact", async () => {
    expect(sink.url).toBe(`smtp://127.0.0.1:${sink.port}`);
    const transport = nodemailer.createTransport(`${sink.url}?ignoreTLS=true`);
    const waiting = sink.waitFor("Zoe@Example.com");
    await transport.sendMail({
      from: "Nérava <no-reply@nerava.local>",
      to: "Zoë <zoe@example.com>",
      subject: "Sign in to Nérava — your link is ready, valid for ten minutes",
      text: `Hello Zoë,\n\nSign in: ${link}\n.\n..leading dots survive\n`,
      html: `<p>Hello Zoë, <a href="${link.replace(/&/g, "&amp;")}">sign in</a></p>`,
    });
    const message = await waiting;
    expect(message.to).toEqual(["zoe@example.com"]);
    expect(message.from).toBe("Nérava <no-reply@nerava.local>");
    expect(message.subject).toBe("Sign in to Nérava — your link is ready, valid for ten minutes");
    expect(message.text).toBe(`Hello Zoë,\n\nSign in: ${link}\n.\n..leading dots survive\n`);
    expect(message.html).toBe(`<p>Hello Zoë, <a href="${link.replace(/&/g, "&amp;")}">sign in</a></p>`);
  });

  it("works with the plain URL too, and hands out each message to waitFor once", async () => {
    const transport = nodemailer.createTransport(sink.url);
    for (const n of [1, 2])
      await transport.sendMail({
        from: "a@nerava.local",
        to: "twice@example.com",
        bcc: "audit@example.com",
        subject: `n${n}`,
        text: `body ${n}`,
      });
    expect((await sink.waitFor("twice@example.com")).subject).toBe("n1");
    expect((await sink.waitFor("twice@example.com")).subject).toBe("n2");
    expect((await sink.waitFor("audit@example.com")).html).toBeUndefined();
    await expect(sink.waitFor("twice@example.com", 200)).rejects.toThrow(/No email to twice@example.com within 200 ms/);
  });

  it("writes each message as JSON when given a directory", async () => {
    const files = (await readdir(dir)).sort();
    expect(files.every((f) => /^\d+-\d+\.json$/.test(f))).toBe(true);
    expect(files).toHaveLength(sink.messages.length);
    const first = JSON.parse(
      await readFile(
        path.join(
          dir,
          files.find((f) => f.endsWith("-1.json"))!,
        ),
        "utf8",
      ),
    );
    expect(first).toEqual(sink.messages[0]);
    expect(first.text).toContain(link);
  });
});
