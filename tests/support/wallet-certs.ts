// Throwaway certificates for wallet tests, made with the openssl CLI: a root CA → a "WWDR"
// intermediate → the Pass Type ID signer (the same certificate signs passes and is the APNs TLS
// client certificate), plus a TLS server certificate for the fake APNs on 127.0.0.1.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type WalletCerts = {
  caCert: string;
  wwdrCert: string;
  signerCert: string;
  signerKey: string;
  /** The fake APNs server's TLS pair (CN and SAN 127.0.0.1), issued by the same test CA. */
  apnsServerCert: string;
  apnsServerKey: string;
  passTypeIdentifier: string;
  teamIdentifier: string;
};

const openssl = (dir: string, args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });

export function makeWalletCerts(opts: { passTypeIdentifier?: string; teamIdentifier?: string; days?: number } = {}) {
  const passTypeIdentifier = opts.passTypeIdentifier ?? "pass.test.nerava.card";
  const teamIdentifier = opts.teamIdentifier ?? "TESTTEAM01";
  const days = String(opts.days ?? 30);
  const dir = mkdtempSync(path.join(tmpdir(), "wallet-certs-"));
  try {
    const key = (name: string) => openssl(dir, ["genrsa", "-out", `${name}.key`, "2048"]);
    const csr = (name: string, subj: string) =>
      openssl(dir, ["req", "-new", "-key", `${name}.key`, "-subj", subj, "-out", `${name}.csr`]);
    const sign = (name: string, issuer: string, ext: string) => {
      writeFileSync(path.join(dir, `${name}.ext`), ext);
      openssl(dir, [
        "x509",
        "-req",
        "-in",
        `${name}.csr`,
        "-CA",
        `${issuer}.crt`,
        "-CAkey",
        `${issuer}.key`,
        "-CAcreateserial",
        "-days",
        days,
        "-sha256",
        "-extfile",
        `${name}.ext`,
        "-out",
        `${name}.crt`,
      ]);
    };
    key("ca");
    openssl(dir, [
      "req",
      "-x509",
      "-new",
      "-key",
      "ca.key",
      "-subj",
      "/CN=Nerava Test Root CA",
      "-days",
      days,
      "-sha256",
      "-addext",
      "basicConstraints=critical,CA:TRUE",
      "-addext",
      "keyUsage=critical,keyCertSign,cRLSign",
      "-out",
      "ca.crt",
    ]);
    key("wwdr");
    csr("wwdr", "/CN=Test Worldwide Developer Relations/OU=G4/O=Nerava Test/C=US");
    sign("wwdr", "ca", "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n");
    key("signer");
    csr(
      "signer",
      `/UID=${passTypeIdentifier}/CN=Pass Type ID: ${passTypeIdentifier}/OU=${teamIdentifier}/O=Nerava Test/C=US`,
    );
    // the two Apple OIDs mark a Pass Type ID certificate (sandbox and production push)
    sign(
      "signer",
      "wwdr",
      "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n" +
        "1.2.840.113635.100.6.3.1=ASN1:NULL\n1.2.840.113635.100.6.3.2=ASN1:NULL\n",
    );
    key("apns");
    csr("apns", "/CN=127.0.0.1");
    sign(
      "apns",
      "ca",
      "basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n",
    );
    const read = (f: string) => readFileSync(path.join(dir, f), "utf8");
    return {
      caCert: read("ca.crt"),
      wwdrCert: read("wwdr.crt"),
      signerCert: read("signer.crt"),
      signerKey: read("signer.key"),
      apnsServerCert: read("apns.crt"),
      apnsServerKey: read("apns.key"),
      passTypeIdentifier,
      teamIdentifier,
    } satisfies WalletCerts;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
