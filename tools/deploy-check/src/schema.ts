import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as models from 'kubernetes-models';
import { describe, type K8sObject } from './manifest.js';
import type { Problem } from './problem.js';

/** A kubernetes-models class: built from an object, `validate()` throws listing what is wrong. */
interface ModelClass {
  apiVersion: string;
  kind: string;
  new (data: unknown): { validate(): void };
}

interface SchemaError {
  instancePath: string;
  keyword?: string;
  message?: string;
  params?: Record<string, unknown>;
}

function isModelClass(value: unknown): value is ModelClass {
  return (
    typeof value === 'function' &&
    typeof (value as Partial<ModelClass>).apiVersion === 'string' &&
    typeof (value as Partial<ModelClass>).kind === 'string'
  );
}

/** Every top-level kind kubernetes-models knows, by `apiVersion/kind`. */
function collectModels(): Map<string, ModelClass> {
  const found = new Map<string, ModelClass>();
  const visit = (namespace: object) => {
    for (const value of Object.values(namespace)) {
      if (isModelClass(value)) found.set(`${value.apiVersion}/${value.kind}`, value);
      else if (typeof value === 'object' && value !== null) visit(value);
    }
  };
  visit(models);
  return found;
}

const modelsByKind = collectModels();

/**
 * kubernetes-models carries old API versions too (extensions/v1beta1, policy/v1beta1, …) that
 * current clusters no longer serve; the shop's manifests keep to these stable ones.
 */
export const stableApiVersions = new Set([
  'v1',
  'apps/v1',
  'autoscaling/v2',
  'batch/v1',
  'discovery.k8s.io/v1',
  'networking.k8s.io/v1',
  'policy/v1',
  'rbac.authorization.k8s.io/v1',
]);

/** The validator's name and version, for the report. */
export function schemaSource(): string {
  // The package exports no package.json; it sits next to the entry point.
  const entry = fileURLToPath(import.meta.resolve('kubernetes-models'));
  const manifest = JSON.parse(
    readFileSync(path.join(path.dirname(entry), 'package.json'), 'utf8'),
  ) as { version: string };
  return `kubernetes-models ${manifest.version}`;
}

/** Turns a JSON pointer (`/spec/replicas`) into the dotted path people write (`spec.replicas`). */
function fieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

/** Validates one object against the Kubernetes OpenAPI schema of its apiVersion and kind. */
export function validateSchema(object: K8sObject): Problem[] {
  const where = describe(object);
  if (!stableApiVersions.has(object.apiVersion))
    return [
      {
        object: where,
        message: `apiVersion ${object.apiVersion} is not one of the stable versions this check accepts (${[...stableApiVersions].join(', ')})`,
      },
    ];
  const Model = modelsByKind.get(`${object.apiVersion}/${object.kind}`);
  if (!Model)
    return [
      { object: where, message: `no Kubernetes schema for ${object.apiVersion} ${object.kind}` },
    ];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: SchemaError[] }).errors;
    if (!Array.isArray(errors)) return [{ object: where, message: (error as Error).message }];
    return summarize(errors).map(({ instancePath, message }) => ({
      object: where,
      message: `${fieldPath(instancePath) || '(the object)'} ${message}`,
    }));
  }
}

/**
 * One message per field. A value that fits none of a oneOf's alternatives (a quantity is a string
 * or a number) makes ajv report each alternative's failure and then the oneOf: that becomes
 * `must be string or number`.
 */
function summarize(errors: SchemaError[]): { instancePath: string; message: string }[] {
  const byField = new Map<string, SchemaError[]>();
  for (const error of errors) {
    const group = byField.get(error.instancePath) ?? [];
    group.push(error);
    byField.set(error.instancePath, group);
  }
  return [...byField].flatMap(([instancePath, group]) => {
    if (!group.some((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf'))
      return group.map((error) => ({ instancePath, message: error.message ?? 'is invalid' }));
    const types = group
      .filter((error) => error.keyword === 'type')
      .flatMap((error) => String(error.params?.type ?? '').split(','))
      .filter(Boolean);
    return [
      {
        instancePath,
        message: types.length > 0 ? `must be ${[...new Set(types)].join(' or ')}` : 'is invalid',
      },
    ];
  });
}
