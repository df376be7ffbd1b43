import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { renderKustomization } from './kustomize.js';
import { describe, isObject, ManifestError, readManifest, type K8sObject } from './manifest.js';
import type { Problem } from './problem.js';
import { checkRules } from './rules.js';
import { validateSchema } from './schema.js';
import { unknownFieldCheck } from './unknown-fields.js';

export interface KustomizationReport {
  /** The kustomization directory, relative to the repository root. */
  dir: string;
  objects: K8sObject[];
  problems: Problem[];
}

export interface DeployCheck {
  /** Each Secret example (secret.example.yaml) first, then base and every overlay. */
  reports: KustomizationReport[];
  problems: number;
}

/**
 * Renders deploy/k8s's base and each overlay, validates every object against the Kubernetes
 * schemas (and for fields the schemas do not know), and checks the shop's own rules. Nothing is
 * thrown for a problem in the manifests: each is reported, so one run lists them all.
 *
 * @param k8sDir the directory holding base/ and overlays/ (deploy/k8s)
 * @param repoRoot what the reported paths are relative to
 */
export function checkDeploy(k8sDir: string, repoRoot = process.cwd()): DeployCheck {
  const relative = (target: string) => path.relative(repoRoot, target) || '.';
  const reports: KustomizationReport[] = [];

  // The Secret is created out of band; its example says which keys the Deployments may read.
  const exampleFile = path.join(k8sDir, 'base', 'secret.example.yaml');
  if (existsSync(exampleFile)) {
    const report: KustomizationReport = { dir: relative(exampleFile), objects: [], problems: [] };
    try {
      report.objects = readManifest(exampleFile, relative(exampleFile));
    } catch (error) {
      if (!(error instanceof ManifestError)) throw error;
      report.problems.push({ object: '-', message: error.message });
    }
    reports.push(report);
  }
  const secretKeys = new Map<string, Set<string>>();
  for (const secret of reports[0]?.objects ?? []) {
    if (secret.kind !== 'Secret') continue;
    const keys = new Set<string>();
    for (const field of ['data', 'stringData'])
      if (isObject(secret[field])) Object.keys(secret[field]).forEach((key) => keys.add(key));
    secretKeys.set(secret.metadata.name, keys);
  }

  const overlaysDir = path.join(k8sDir, 'overlays');
  const overlays = existsSync(overlaysDir)
    ? readdirSync(overlaysDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => path.join(overlaysDir, entry.name))
        .sort()
    : [];
  const rendered: KustomizationReport[] = [];
  for (const dir of [path.join(k8sDir, 'base'), ...overlays]) {
    const report: KustomizationReport = { dir: relative(dir), objects: [], problems: [] };
    try {
      report.objects = renderKustomization(dir, repoRoot);
    } catch (error) {
      if (!(error instanceof ManifestError)) throw error;
      report.problems.push({ object: '-', message: `cannot render: ${error.message}` });
    }
    rendered.push(report);
  }
  reports.push(...rendered);

  const unknownFields = unknownFieldCheck(reports.flatMap((report) => report.objects));
  for (const report of reports)
    report.problems.push(
      ...report.objects.flatMap((object) => [...validateSchema(object), ...unknownFields(object)]),
    );
  for (const report of rendered) {
    if (report.objects.length === 0) continue;
    report.problems.push(...checkRules(report.objects, { secretKeys }));
    for (const object of report.objects)
      if (object.kind === 'Secret' && secretKeys.has(object.metadata.name))
        report.problems.push({
          object: describe(object),
          message:
            'is rendered, but it is created out of band: keep secret.example.yaml out of the kustomization',
        });
  }
  return {
    reports,
    problems: reports.reduce((sum, report) => sum + report.problems.length, 0),
  };
}

/** The report `pnpm deploy:check` prints: a line per kustomization, then every problem. */
export function formatDeployCheck(check: DeployCheck, validator: string): string {
  const lines = [
    `deploy:check: schemas from ${validator}, unknown fields from its TypeScript types`,
  ];
  const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  for (const report of check.reports) {
    const kinds = new Map<string, number>();
    for (const object of report.objects) kinds.set(object.kind, (kinds.get(object.kind) ?? 0) + 1);
    const summary = [...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ');
    const verdict = report.problems.length === 0 ? 'ok' : count(report.problems.length, 'problem');
    const contents =
      report.objects.length > 0 ? ` ${count(report.objects.length, 'object')} (${summary}):` : '';
    lines.push(`  ${report.dir}:${contents} ${verdict}`);
    for (const problem of report.problems)
      lines.push(`    ✗ ${problem.object === '-' ? '' : `${problem.object}: `}${problem.message}`);
  }
  lines.push(
    check.problems === 0
      ? 'deploy:check: ok'
      : `deploy:check: FAILED with ${count(check.problems, 'problem')}`,
  );
  return lines.join('\n');
}
