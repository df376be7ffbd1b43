import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/** One Kubernetes object as written in a manifest (nothing about its shape is assumed yet). */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `Deployment/order`, `Service/shop/router` when namespaced: how problems name an object. */
export function describe(object: K8sObject): string {
  const { namespace, name } = object.metadata;
  return namespace ? `${object.kind}/${namespace}/${name}` : `${object.kind}/${name}`;
}

/**
 * Every document of a YAML file. YAML 1.1, as kubectl reads it (`yes`, `on`, … are booleans
 * there), so a value that kubectl would see as a boolean is seen as one here too.
 */
export function parseYamlDocuments(text: string, source: string): unknown[] {
  const documents = parseAllDocuments(text, { version: '1.1', prettyErrors: true });
  if (!Array.isArray(documents)) return [];
  const values: unknown[] = [];
  for (const document of documents) {
    if (document.errors.length > 0)
      throw new ManifestError(`${source}: ${document.errors.map((e) => e.message).join('; ')}`);
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== undefined) values.push(value);
  }
  return values;
}

/** The objects of a manifest file; each must at least say what it is (apiVersion, kind, name). */
export function readManifest(file: string, source = file): K8sObject[] {
  return parseYamlDocuments(readFileSync(file, 'utf8'), source).map((value, index) =>
    asObject(value, `${source} (document ${index + 1})`),
  );
}

export function asObject(value: unknown, source: string): K8sObject {
  if (!isObject(value)) throw new ManifestError(`${source}: not a Kubernetes object (a mapping)`);
  const { apiVersion, kind, metadata } = value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string')
    throw new ManifestError(`${source}: apiVersion and kind must be strings`);
  if (!isObject(metadata) || typeof metadata.name !== 'string' || metadata.name === '')
    throw new ManifestError(`${source}: ${kind} without metadata.name`);
  return value as K8sObject;
}
