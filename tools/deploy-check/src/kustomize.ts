import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  asObject,
  describe,
  isObject,
  ManifestError,
  parseYamlDocuments,
  readManifest,
  type Json,
  type K8sObject,
} from './manifest.js';
import { strategicMerge } from './strategic-merge.js';

/**
 * Renders a kustomization the way `kubectl apply -k` would, for the fields deploy/k8s uses:
 * `resources` (files and other kustomization directories), `patches` (strategic merge patches
 * naming their object, from a file or inline), `replicas`, `images` and `namespace`. Any other
 * field is refused with a message, so a kustomization that grows past this renderer fails the
 * check instead of being rendered wrong.
 */
export function renderKustomization(dir: string, repoRoot = process.cwd()): K8sObject[] {
  return render(path.resolve(dir), repoRoot, []);
}

const supportedFields = new Set([
  'apiVersion',
  'kind',
  'resources',
  'patches',
  'replicas',
  'images',
  'namespace',
]);

/** Kinds that live outside any namespace (the ones a shop manifest could plausibly hold). */
const clusterScoped = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'IngressClass',
  'PersistentVolume',
  'PriorityClass',
  'StorageClass',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
]);

/** What kustomize's `replicas` field may set. */
const scalableKinds = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);

function kustomizationFile(dir: string): string {
  for (const name of ['kustomization.yaml', 'kustomization.yml', 'Kustomization']) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
  }
  throw new ManifestError(`${dir}: no kustomization.yaml`);
}

function render(dir: string, repoRoot: string, stack: string[]): K8sObject[] {
  if (stack.includes(dir))
    throw new ManifestError(`kustomization cycle: ${[...stack, dir].join(' -> ')}`);
  const file = kustomizationFile(dir);
  const shown = path.relative(repoRoot, file) || file;
  const [spec] = readRaw(file, shown);
  if (!isObject(spec)) throw new ManifestError(`${shown}: not a mapping`);
  const unsupported = Object.keys(spec).filter((key) => !supportedFields.has(key));
  if (unsupported.length > 0)
    throw new ManifestError(
      `${shown}: deploy:check renders only ${[...supportedFields].join(', ')}; ` +
        `unsupported: ${unsupported.join(', ')}`,
    );

  const objects: K8sObject[] = [];
  for (const entry of listOf(spec.resources, `${shown}: resources`)) {
    if (typeof entry !== 'string' || /^[a-z]+:\/\//.test(entry))
      throw new ManifestError(`${shown}: resources must be local paths, got ${String(entry)}`);
    const target = path.resolve(dir, entry);
    if (!existsSync(target)) throw new ManifestError(`${shown}: resource ${entry} does not exist`);
    objects.push(
      ...(statSync(target).isDirectory()
        ? render(target, repoRoot, [...stack, dir])
        : readManifest(target, path.relative(repoRoot, target))),
    );
  }
  const seen = new Set<string>();
  for (const object of objects) {
    const id = `${object.apiVersion}/${describe(object)}`;
    if (seen.has(id)) throw new ManifestError(`${shown}: ${describe(object)} is defined twice`);
    seen.add(id);
  }

  for (const [index, entry] of listOf(spec.patches, `${shown}: patches`).entries()) {
    const where = `${shown}: patches[${index}]`;
    if (!isObject(entry)) throw new ManifestError(`${where}: not a mapping`);
    if (entry.target !== undefined || entry.options !== undefined)
      throw new ManifestError(
        `${where}: only patches that name their object are supported (no target/options)`,
      );
    let documents: unknown[];
    if (typeof entry.path === 'string') {
      const patchFile = path.resolve(dir, entry.path);
      documents = readRaw(patchFile, path.relative(repoRoot, patchFile));
    } else if (typeof entry.patch === 'string') {
      documents = readRaw(undefined, where, entry.patch);
    } else {
      throw new ManifestError(`${where}: needs a path or an inline patch`);
    }
    for (const document of documents) applyPatch(objects, asObject(document, where), where);
  }

  for (const entry of listOf(spec.replicas, `${shown}: replicas`)) {
    if (!isObject(entry) || typeof entry.name !== 'string' || !Number.isInteger(entry.count))
      throw new ManifestError(`${shown}: replicas entries need a name and an integer count`);
    const targets = objects.filter(
      (object) => scalableKinds.has(object.kind) && object.metadata.name === entry.name,
    );
    if (targets.length === 0)
      throw new ManifestError(`${shown}: replicas: no Deployment named ${entry.name}`);
    for (const target of targets) target.spec = { ...(target.spec as Json), replicas: entry.count };
  }

  for (const entry of listOf(spec.images, `${shown}: images`)) {
    if (!isObject(entry) || typeof entry.name !== 'string')
      throw new ManifestError(`${shown}: images entries need a name`);
    for (const object of objects) setImages(object, entry);
  }

  if (spec.namespace !== undefined) {
    if (typeof spec.namespace !== 'string')
      throw new ManifestError(`${shown}: namespace must be a string`);
    for (const object of objects)
      if (!clusterScoped.has(object.kind))
        object.metadata = { ...object.metadata, namespace: spec.namespace };
  }
  return objects;
}

/** The documents of a file, or of an inline patch, without requiring them to be objects yet. */
function readRaw(file: string | undefined, shown: string, inline?: string): unknown[] {
  if (file === undefined) return parseYamlDocuments(inline ?? '', shown);
  if (!existsSync(file)) throw new ManifestError(`${shown}: file does not exist`);
  return parseYamlDocuments(readFileSync(file, 'utf8'), shown);
}

function listOf(value: unknown, where: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ManifestError(`${where} must be a list`);
  return value;
}

function applyPatch(objects: K8sObject[], patch: K8sObject, where: string): void {
  const group = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.split('/')[0] : '');
  const index = objects.findIndex(
    (object) =>
      object.kind === patch.kind &&
      object.metadata.name === patch.metadata.name &&
      group(object.apiVersion) === group(patch.apiVersion) &&
      (patch.metadata.namespace === undefined ||
        object.metadata.namespace === patch.metadata.namespace),
  );
  if (index === -1)
    throw new ManifestError(`${where}: the patch for ${describe(patch)} matches no object`);
  objects[index] = strategicMerge(objects[index]!, patch, describe(patch)) as K8sObject;
}

/** kustomize's `images`: every container image named `name` gets the new name, tag or digest. */
function setImages(value: unknown, entry: Json): void {
  if (Array.isArray(value)) {
    for (const item of value) setImages(item, entry);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if ((key === 'containers' || key === 'initContainers') && Array.isArray(child)) {
      for (const container of child) {
        if (!isObject(container) || typeof container.image !== 'string') continue;
        const image = parseImage(container.image);
        if (image.name !== entry.name) continue;
        const name = typeof entry.newName === 'string' ? entry.newName : image.name;
        if (typeof entry.digest === 'string') container.image = `${name}@${entry.digest}`;
        else if (entry.newTag !== undefined) container.image = `${name}:${String(entry.newTag)}`;
        else container.image = `${name}${image.suffix}`;
      }
    } else {
      setImages(child, entry);
    }
  }
}

/** `registry:5000/shop:1.0@sha256:…` → name `registry:5000/shop`, suffix `:1.0@sha256:…`. */
function parseImage(image: string): { name: string; suffix: string } {
  const at = image.indexOf('@');
  const withoutDigest = at === -1 ? image : image.slice(0, at);
  const colon = withoutDigest.lastIndexOf(':');
  const end = colon > withoutDigest.lastIndexOf('/') ? colon : withoutDigest.length;
  return { name: image.slice(0, end), suffix: image.slice(end) };
}
