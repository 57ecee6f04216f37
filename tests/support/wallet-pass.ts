// Reading a .pkpass in tests (vitest and Playwright): unzip it, read pass.json, check the manifest and the signature.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";

export type PassFiles = Record<string, Uint8Array>;

export const unzipPass = (buffer: ArrayBuffer | Uint8Array): PassFiles =>
  unzipSync(buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const passJsonOf = (files: PassFiles): any => JSON.parse(strFromU8(files["pass.json"]));

/** Files whose SHA-1 differs from manifest.json's entry, and entries missing either way. */
export function manifestMismatches(files: PassFiles): string[] {
  const manifest = JSON.parse(strFromU8(files["manifest.json"])) as Record<string, string>;
  const listed = Object.keys(files).filter((f) => f !== "manifest.json" && f !== "signature");
  const names = new Set([...listed, ...Object.keys(manifest)]);
  return [...names].filter(
    (name) => !files[name] || manifest[name] !== createHash("sha1").update(files[name]).digest("hex"),
  );
}

/** openssl's verdict on the detached signature over manifest.json, against the test root CA. */
export function signatureVerifies(files: PassFiles, caCert: string, manifest = files["manifest.json"]): boolean {
  const dir = mkdtempSync(path.join(tmpdir(), "pkpass-"));
  try {
    writeFileSync(path.join(dir, "signature"), files["signature"]);
    writeFileSync(path.join(dir, "manifest.json"), manifest);
    writeFileSync(path.join(dir, "ca.pem"), caCert);
    execFileSync(
      "openssl",
      ["cms", "-verify", "-binary", "-inform", "DER", "-in", "signature", "-content", "manifest.json"].concat([
        "-CAfile",
        "ca.pem",
        "-purpose",
        "any",
        "-out",
        "/dev/null",
      ]),
      { cwd: dir, stdio: "pipe" },
    );
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
