import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderKustomization } from '../src/kustomize.js';
import { isObject, readManifest, type K8sObject } from '../src/manifest.js';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const k8sDir = path.join(repoRoot, 'deploy', 'k8s');
export const productionDir = path.join(k8sDir, 'overlays', 'production');

/** A scratch copy of deploy/k8s to break; `edit` replaces text that must be there. */
export class ManifestCopy {
  readonly root = mkdtempSync(path.join(tmpdir(), 'deploy-check-'));
  readonly k8sDir = path.join(this.root, 'deploy', 'k8s');

  constructor() {
    cpSync(k8sDir, this.k8sDir, { recursive: true });
  }

  edit(file: string, from: string | RegExp, to: string): void {
    const target = path.join(this.k8sDir, file);
    const text = readFileSync(target, 'utf8');
    const edited = text.replace(from, to);
    if (edited === text) throw new Error(`${file} has no ${String(from)}`);
    writeFileSync(target, edited);
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Each Deployment's container environment as the process would see it (secrets: the examples). */
export function environments(dir = productionDir): Map<string, Record<string, string>> {
  const objects = renderKustomization(dir, repoRoot);
  const secrets = readManifest(path.join(k8sDir, 'base', 'secret.example.yaml'));
  const data = (kind: string, name: string, field: string): Record<string, string> => {
    const found = [...objects, ...secrets].find(
      (object) => object.kind === kind && object.metadata.name === name,
    );
    const values = found?.[field];
    if (!isObject(values)) throw new Error(`no ${kind} ${name}`);
    return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));
  };
  const result = new Map<string, Record<string, string>>();
  for (const deployment of objects.filter((object) => object.kind === 'Deployment')) {
    const container = containerOf(deployment);
    const env: Record<string, string> = {};
    for (const source of container.envFrom ?? []) {
      if (source.configMapRef)
        Object.assign(env, data('ConfigMap', source.configMapRef.name, 'data'));
      if (source.secretRef) Object.assign(env, data('Secret', source.secretRef.name, 'stringData'));
    }
    for (const variable of container.env ?? []) {
      const ref = variable.valueFrom?.secretKeyRef;
      if (ref) {
        const value = data('Secret', ref.name, 'stringData')[ref.key];
        if (value === undefined) throw new Error(`Secret ${ref.name} has no ${ref.key}`);
        env[variable.name] = value;
      } else env[variable.name] = variable.value ?? '';
    }
    result.set(deployment.metadata.name, env);
  }
  return result;
}

interface Container {
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: { secretKeyRef?: { name: string; key: string } };
  }[];
}

function containerOf(deployment: K8sObject): Container {
  const spec = deployment.spec as { template: { spec: { containers: Container[] } } };
  return spec.template.spec.containers[0]!;
}
