import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { helm } from "../support/helm";

// deploy/helm/nerava rendered by a real helm (no cluster here): lint, then the objects it makes.
const CHART = path.resolve("deploy/helm/nerava");
// rendered Kubernetes objects: the assertions say what they expect of each shape
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
type Obj = {
  kind: string;
  apiVersion: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec: Loose;
};
type Container = {
  env: { name: string; value?: string }[];
  envFrom: { secretRef: { name: string } }[];
  readinessProbe?: Loose;
  livenessProbe?: Loose;
  securityContext: Loose;
};

const dir = mkdtempSync(path.join(os.tmpdir(), "nerava-chart-"));
const OVERRIDES = path.join(dir, "overrides.yaml");
writeFileSync(
  OVERRIDES,
  [
    "existingSecret: nerava-prod",
    "ingress: { enabled: true, host: app.nerava.test, className: nginx, tlsSecretName: nerava-tls }",
    "serviceMonitor: { enabled: true }",
    "autoscaling: { enabled: false }",
    "web: { replicas: 3 }",
    "worker: { replicas: 2 }",
    "image: { repository: registry.test/nerava, tag: abc123 }",
  ].join("\n"),
);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(...args: string[]): Promise<Obj[]> {
  const out = await helm(["template", "rel", CHART, "--namespace", "prod", ...args]);
  return parseAllDocuments(out)
    .map((d) => d.toJS() as Obj | null)
    .filter((o): o is Obj => o !== null);
}
const one = (objs: Obj[], kind: string, name?: string) => {
  const found = objs.filter((o) => o.kind === kind && (!name || o.metadata.name === name));
  expect(found, `${kind} ${name ?? ""}`).toHaveLength(1);
  return found[0];
};
const container = (o: Obj): Container => o.spec.template.spec.containers[0];
const envOf = (o: Obj, name: string) => container(o).env.find((e) => e.name === name)?.value;

describe("helm chart deploy/helm/nerava", () => {
  let defaults: Obj[];
  let overridden: Obj[];
  beforeAll(async () => {
    [defaults, overridden] = await Promise.all([render(), render("-f", OVERRIDES)]);
  }, 60_000);

  it("lints clean with the default values and with overrides", async () => {
    expect(await helm(["lint", CHART])).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
    expect(await helm(["lint", CHART, "-f", OVERRIDES])).toMatch(/0 chart\(s\) failed/);
  });

  it("renders the web and worker Deployments, Service, HPA (v2), PDB, Secret, migrate Job and PrometheusRule", () => {
    expect(defaults.map((o) => o.kind).sort()).toEqual(
      [
        "Deployment",
        "Deployment",
        "HorizontalPodAutoscaler",
        "Job",
        "PodDisruptionBudget",
        "PrometheusRule",
        "Secret",
        "Service",
      ].sort(),
    );
    const hpa = one(defaults, "HorizontalPodAutoscaler");
    expect(hpa.apiVersion).toBe("autoscaling/v2");
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: "Deployment", name: "rel-nerava-web" });
    const web = one(defaults, "Deployment", "rel-nerava-web");
    expect(one(defaults, "PodDisruptionBudget").spec.selector.matchLabels).toEqual(web.spec.selector.matchLabels);
    expect(one(defaults, "Service").spec.selector).toEqual(web.spec.selector.matchLabels);
  });

  it("web pods: JOBS_ENABLED=false, readiness /api/ready, liveness /api/health; the worker runs the jobs", () => {
    const web = one(defaults, "Deployment", "rel-nerava-web");
    const worker = one(defaults, "Deployment", "rel-nerava-worker");
    expect(envOf(web, "JOBS_ENABLED")).toBe("false");
    expect(envOf(worker, "JOBS_ENABLED")).toBe("true");
    for (const d of [web, worker]) {
      expect(container(d).readinessProbe.httpGet.path).toBe("/api/ready");
      expect(container(d).livenessProbe.httpGet.path).toBe("/api/health");
      expect(container(d).envFrom[0].secretRef.name).toBe("rel-nerava");
    }
    expect(web.spec.template.spec.containers[0].resources.requests).toMatchObject({ cpu: expect.any(String) });
  });

  it("every pod runs as a non-root user without privilege escalation", () => {
    for (const o of defaults.filter((x) => x.kind === "Deployment" || x.kind === "Job")) {
      const pod = o.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot, o.metadata.name).toBe(true);
      expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
      expect(container(o).securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
      });
    }
  });

  it("the migrate Job is a pre-install/pre-upgrade hook, after the Secret it reads", () => {
    const job = one(defaults, "Job");
    expect(job.metadata.annotations).toMatchObject({
      "helm.sh/hook": "pre-install,pre-upgrade",
      "helm.sh/hook-delete-policy": "before-hook-creation,hook-succeeded",
    });
    const secret = one(defaults, "Secret");
    expect(secret.metadata.annotations?.["helm.sh/hook"]).toBe("pre-install,pre-upgrade");
    expect(Number(secret.metadata.annotations?.["helm.sh/hook-weight"])).toBeLessThan(
      Number(job.metadata.annotations?.["helm.sh/hook-weight"]),
    );
    expect(container(job)).toMatchObject({ command: ["npm", "run", "--silent", "db:migrate"] });
    expect(job.spec.template.spec.restartPolicy).toBe("Never");
  });

  it("alerts on the ledger check, webhook and payout failures, open circuits and the job backlog, with metrics the app exports", () => {
    const rule = one(defaults, "PrometheusRule");
    const alerts = rule.spec.groups.flatMap((g: { rules: { alert: string; expr: string }[] }) => g.rules);
    expect(alerts.map((a: { alert: string }) => a.alert)).toEqual(
      expect.arrayContaining([
        "NeravaLedgerCheckFailing",
        "NeravaLedgerCheckNotRunning",
        "NeravaWebhookFailures",
        "NeravaPayoutFailures",
        "NeravaProviderCircuitOpen",
        "NeravaJobBacklog",
      ]),
    );
    // every metric an alert reads is registered somewhere under lib/ (a renamed metric fails here)
    const source = readdirSync("lib", { recursive: true, withFileTypes: true })
      .filter((f) => f.isFile() && f.name.endsWith(".ts"))
      .map((f) => readFileSync(path.join(f.parentPath, f.name), "utf8"))
      .join("\n");
    const metricNames = new Set(
      alerts.flatMap((a: { expr: string }) => a.expr.match(/\b(nerava_\w+|webhook_deliveries_total)\b/g) ?? []),
    );
    expect(metricNames.size).toBeGreaterThanOrEqual(6);
    for (const name of metricNames as Set<string>) expect(source, name).toContain(`"${name}"`);
  });

  it("with overrides: existingSecret everywhere and no Secret made, Ingress, ServiceMonitor with the metrics token, fixed replicas", () => {
    expect(overridden.some((o) => o.kind === "Secret")).toBe(false);
    expect(overridden.some((o) => o.kind === "HorizontalPodAutoscaler")).toBe(false);
    for (const o of overridden.filter((x) => x.kind === "Deployment" || x.kind === "Job"))
      expect(container(o).envFrom[0].secretRef.name).toBe("nerava-prod");
    const web = one(overridden, "Deployment", "rel-nerava-web");
    expect(web.spec.replicas).toBe(3);
    expect(one(overridden, "Deployment", "rel-nerava-worker").spec.replicas).toBe(2);
    expect(container(web)).toMatchObject({ image: "registry.test/nerava:abc123" });
    const ingress = one(overridden, "Ingress");
    expect(ingress.spec).toMatchObject({ ingressClassName: "nginx", tls: [{ secretName: "nerava-tls" }] });
    expect(ingress.spec.rules[0].host).toBe("app.nerava.test");
    const monitor = one(overridden, "ServiceMonitor");
    expect(monitor.spec.endpoints[0]).toMatchObject({
      path: "/api/metrics",
      authorization: { type: "Bearer", credentials: { name: "nerava-prod", key: "METRICS_TOKEN" } },
    });
  });
});
