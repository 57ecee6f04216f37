// A local SMTP server that keeps what the app sends, for integration and Playwright tests.
// Point nodemailer at `${sink.url}?ignoreTLS=true` (plain `sink.url` works too: STARTTLS is
// not offered, so nodemailer never tries to upgrade).
import { mkdir, rename, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { SMTPServer } from "smtp-server";

export type SunkMessage = {
  /** The SMTP envelope's recipients (Bcc included), as given to RCPT TO. */
  to: string[];
  /** The decoded From header, e.g. `Nerava <no-reply@nerava.local>`; the envelope sender when absent. */
  from: string;
  subject: string;
  /** The text/plain part, decoded, with \n line endings ("" when the message has none). */
  text: string;
  html?: string;
  /** The top-level headers, names lower-cased, values unfolded (e.g. `list-unsubscribe`). */
  headers: Record<string, string>;
};

export type SmtpSink = {
  url: string;
  port: number;
  messages: SunkMessage[];
  /** The oldest message to `to` not yet returned for `to` by waitFor, waiting for one when none is there. */
  waitFor(to: string, timeoutMs?: number): Promise<SunkMessage>;
  close(): Promise<void>;
};

export async function startSmtpSink(opts: { port?: number; dir?: string } = {}): Promise<SmtpSink> {
  const messages: SunkMessage[] = [];
  const claimed = new Set<string>(); // `${message index} ${recipient}` already handed out
  const waiters = new Set<() => void>();
  let written = 0;
  if (opts.dir) await mkdir(opts.dir, { recursive: true });

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    closeTimeout: 1000,
    async onData(stream, session, done) {
      try {
        const { from, ...content } = parseMessage((await buffer(stream)).toString("latin1"));
        const { mailFrom, rcptTo } = session.envelope;
        const message = {
          to: rcptTo.map((r) => r.address),
          from: from || (mailFrom ? mailFrom.address : ""),
          ...content,
        };
        messages.push(message);
        if (opts.dir) {
          // Written aside then renamed, so a reader in another process never sees half a file.
          const file = path.join(opts.dir, `${Date.now()}-${++written}.json`);
          await writeFile(`${file}.partial`, JSON.stringify(message, null, 2));
          await rename(`${file}.partial`, file);
        }
        for (const wake of waiters) wake();
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;

  function waitFor(to: string, timeoutMs = 5000): Promise<SunkMessage> {
    const recipient = to.toLowerCase();
    const take = () => {
      const i = messages.findIndex(
        (m, n) => !claimed.has(`${n} ${recipient}`) && m.to.some((r) => r.toLowerCase() === recipient),
      );
      if (i < 0) return undefined;
      claimed.add(`${i} ${recipient}`);
      return messages[i];
    };
    return new Promise((resolve, reject) => {
      const wake = () => {
        const found = take();
        if (!found) return;
        clearTimeout(timer);
        waiters.delete(wake);
        resolve(found);
      };
      const timer = setTimeout(() => {
        waiters.delete(wake);
        reject(new Error(`No email to ${to} within ${timeoutMs} ms (${messages.length} received in all).`));
      }, timeoutMs);
      waiters.add(wake);
      wake();
    });
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Part = { headers: Map<string, string>; body: string };

/** Enough MIME for what nodemailer writes: nested multiparts, quoted-printable or base64 bodies, encoded words. */
function parseMessage(raw: string): Omit<SunkMessage, "to"> {
  const root = splitPart(raw);
  const leaves: Part[] = [];
  const walk = (part: Part) => {
    const type = part.headers.get("content-type") ?? "";
    const boundary = /^multipart\//i.test(type) ? /boundary="?([^";]+)"?/i.exec(type)?.[1] : undefined;
    if (!boundary) {
      leaves.push(part);
      return;
    }
    // Parts sit between delimiter lines; what precedes the first and follows the last is preamble and epilogue.
    const sections = part.body.split(new RegExp(`\\r?\\n?--${escapeRegExp(boundary)}(?:--)?[ \\t]*\\r?\\n?`));
    for (const section of sections.slice(1, -1)) walk(splitPart(section));
  };
  walk(root);
  const inline = leaves.filter((p) => !/^attachment/i.test(p.headers.get("content-disposition") ?? ""));
  const bodyOf = (type: string) => {
    const part = inline.find((p) => (p.headers.get("content-type") ?? "text/plain").toLowerCase().startsWith(type));
    return part && decodeBody(part).replace(/\r\n/g, "\n");
  };
  const html = bodyOf("text/html");
  return {
    from: decodeHeader(root.headers.get("from") ?? ""),
    subject: decodeHeader(root.headers.get("subject") ?? ""),
    text: bodyOf("text/plain") ?? "",
    ...(html === undefined ? {} : { html }),
    headers: Object.fromEntries(root.headers),
  };
}

function splitPart(raw: string): Part {
  const end = /\r?\n\r?\n/.exec(raw);
  const head = end ? raw.slice(0, end.index) : raw;
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: end ? raw.slice(end.index + end[0].length) : "" };
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const bytes =
    encoding === "base64"
      ? Buffer.from(part.body, "base64")
      : encoding === "quoted-printable"
        ? quotedPrintableBytes(part.body)
        : Buffer.from(part.body, "latin1");
  return decodeCharset(bytes, /charset="?([^";\s]+)"?/i.exec(part.headers.get("content-type") ?? "")?.[1]);
}

/** RFC 2047 encoded words; adjacent words are joined first, since a character may be split across them. */
function decodeHeader(value: string): string {
  const utf8 = Buffer.from(value, "latin1").toString("utf8"); // SMTPUTF8 headers arrive as raw bytes
  return utf8.replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=\s*)+/g, (run) => {
    const words = [...run.matchAll(/=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g)];
    const bytes = Buffer.concat(
      words.map(([, , kind, data]) =>
        kind.toUpperCase() === "B" ? Buffer.from(data, "base64") : quotedPrintableBytes(data.replace(/_/g, " ")),
      ),
    );
    return decodeCharset(bytes, words[0]?.[1]) + (/\s$/.test(run) ? " " : "");
  });
}

function quotedPrintableBytes(text: string): Buffer {
  const soft = text.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft[i] === "=" ? soft.slice(i + 1, i + 3) : "";
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(soft.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

function decodeCharset(bytes: Buffer, charset = "utf-8"): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return bytes.toString("utf8");
  }
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
