import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, isObject, type K8sObject } from './manifest.js';
import type { Problem } from './problem.js';

/**
 * Fields the Kubernetes API does not have. The OpenAPI schemas leave `additionalProperties` open,
 * so a misspelt field (`readinesProbe`, `runAsNonroot`) passes schema validation and the API
 * server would drop it or refuse it only at apply time. kubernetes-models also ships a TypeScript
 * interface per kind, generated from the same OpenAPI document: each object is walked alongside
 * its interface with the TypeScript checker, and every key the interface does not declare is
 * reported (maps such as labels and ConfigMap data are index signatures and take any key).
 */
export function findUnknownFields(objects: K8sObject[]): Problem[] {
  return objects.flatMap(unknownFieldCheck(objects));
}

/**
 * The check for one object at a time, prepared once for every kind among `objects` (building the
 * TypeScript program is the costly part, about a second).
 */
export function unknownFieldCheck(objects: K8sObject[]): (object: K8sObject) => Problem[] {
  const kinds = [...new Set(objects.map((object) => `${object.apiVersion} ${object.kind}`))];
  const types = interfaceTypes(kinds);
  return (object) => {
    const found = types.get(`${object.apiVersion} ${object.kind}`);
    // No interface means no schema either: validateSchema reports that object.
    if (!found) return [];
    const problems: Problem[] = [];
    walk(found.checker, object, found.type, '', (field, message) =>
      problems.push({ object: describe(object), message: `${field} ${message}` }),
    );
    return problems;
  };
}

/** `apps/v1` + `Deployment` → the module `kubernetes-models/apps/v1/Deployment`. */
function moduleOf(apiVersion: string, kind: string): string {
  return `kubernetes-models/${apiVersion}/${kind}`;
}

/** One TypeScript program declaring a value of each kind's interface; the checker gives its type. */
function interfaceTypes(kinds: string[]): Map<string, { checker: ts.TypeChecker; type: ts.Type }> {
  // Next to this file, so that `kubernetes-models` resolves from this package.
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '__deploy_check_kinds__.ts');
  const lines = kinds.map((entry, index) => {
    const [apiVersion = '', kind = ''] = entry.split(' ');
    return `import type { I${kind} as T${index} } from '${moduleOf(apiVersion, kind)}';\nexport declare const t${index}: T${index};`;
  });
  const text = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (name, language, ...rest) =>
    name === file
      ? ts.createSourceFile(name, text, language)
      : getSourceFile(name, language, ...rest);
  host.fileExists = (name) => name === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const found = new Map<string, { checker: ts.TypeChecker; type: ts.Type }>();
  if (!source) return found;
  const module = checker.getSymbolAtLocation(source);
  const exports = module ? checker.getExportsOfModule(module) : [];
  kinds.forEach((entry, index) => {
    const symbol = exports.find((candidate) => candidate.name === `t${index}`);
    if (!symbol) return;
    const type = checker.getTypeOfSymbol(symbol);
    // An unresolved import is `any`: that kind has no interface (and no schema).
    if (type.flags & ts.TypeFlags.Any) return;
    found.set(entry, { checker, type });
  });
  return found;
}

function walk(
  checker: ts.TypeChecker,
  value: unknown,
  declared: ts.Type,
  field: string,
  report: (field: string, message: string) => void,
): void {
  const type = checker.getNonNullableType(declared);
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
  if (Array.isArray(value)) {
    const element = elementType(checker, type);
    if (element)
      value.forEach((item, index) => walk(checker, item, element, `${field}[${index}]`, report));
    return;
  }
  if (!isObject(value)) return;
  const candidates = (type.isUnion() ? type.types : [type]).filter(
    (member) => member.flags & ts.TypeFlags.Object,
  );
  if (candidates.length === 0) return;
  for (const [key, child] of Object.entries(value)) {
    const childField = field ? `${field}.${key}` : key;
    const indexed = candidates
      .map((member) => checker.getIndexTypeOfType(member, ts.IndexKind.String))
      .find((indexType) => indexType !== undefined);
    const property = candidates
      .map((member) => checker.getPropertyOfType(member, key))
      .find((symbol) => symbol !== undefined);
    if (property) walk(checker, child, checker.getTypeOfSymbol(property), childField, report);
    else if (indexed) walk(checker, child, indexed, childField, report);
    else {
      const known = candidates.flatMap((member) =>
        checker.getPropertiesOfType(member).map((symbol) => symbol.name),
      );
      const suggestion = closest(key, known);
      report(
        childField,
        `is not a field of ${typeName(checker, candidates[0]!)}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
      );
    }
  }
}

function elementType(checker: ts.TypeChecker, type: ts.Type): ts.Type | undefined {
  if (checker.isArrayType(type)) return checker.getTypeArguments(type as ts.TypeReference)[0];
  if (type.isUnion())
    for (const member of type.types) {
      const element = elementType(checker, member);
      if (element) return element;
    }
  return undefined;
}

/** `IIoK8sApiCoreV1Container` → `Container`: the Kubernetes name of the type. */
function typeName(checker: ts.TypeChecker, type: ts.Type): string {
  const name = checker.typeToString(type);
  return name
    .replace(/^IIoK8s(?:Api|Apimachinery)\w*?V\d+(?:(?:alpha|beta)\d+)?(?=[A-Z])/, '')
    .replace(/^I(?=[A-Z])/, '');
}

/** The known name closest to a misspelt one, when it is close enough to be the likely intent. */
function closest(key: string, known: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = levenshtein(key.toLowerCase(), name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(key.length / 4)) ? best.name : undefined;
}

function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}
