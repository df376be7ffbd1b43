import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/** One request of the fuzz: a document and its variables, labelled with how it was made. */
export interface FuzzCase {
  label: string;
  query: string;
  variables: unknown;
}

const maxSelectionDepth = 3;
const fieldsPerLevel = 10;

/** A selection of an output type's fields a few levels deep, with fragments on unions and interfaces. */
function selectionOf(schema: GraphQLSchema, type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isUnionType(named) || isInterfaceType(named)) {
    const fragments = schema
      .getPossibleTypes(named)
      .map((member) => `... on ${member.name} ${selectionOf(schema, member, depth)}`);
    return `{ __typename ${fragments.join(' ')} }`;
  }
  if (!isObjectType(named)) return '';
  const callable = Object.values(named.getFields()).filter(
    (field) => !field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined),
  );
  const parts = callable.flatMap((field) => {
    const inner = getNamedType(field.type);
    if (isScalarType(inner) || isEnumType(inner)) return [field.name];
    return depth < maxSelectionDepth
      ? [`${field.name} ${selectionOf(schema, field.type, depth + 1)}`]
      : [];
  });
  return `{ __typename ${parts.slice(0, fieldsPerLevel).join(' ')} }`;
}

/** Plausible values of an input type: what a client that read the schema would send. */
function validValue(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return validValue(type.ofType, depth);
  const nullable = (value: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 6, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type))
    return nullable(fc.array(validValue(type.ofType, depth + 1), { maxLength: 3 }));
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
  if (isInputObjectType(type)) {
    if (depth > 4) return fc.constant({});
    const fields = Object.values(type.getFields());
    return fc.record(
      Object.fromEntries(fields.map((field) => [field.name, validValue(field.type, depth + 1)])),
      {
        requiredKeys: fields
          .filter((field) => isNonNullType(field.type) && field.defaultValue === undefined)
          .map((field) => field.name),
      },
    );
  }
  switch (type.name) {
    case 'Int':
      return fc.oneof(fc.integer({ min: -5, max: 100 }), fc.constantFrom(0, 1, 2_147_483_647));
    case 'Float':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'Boolean':
      return fc.boolean();
    case 'DateTimeISO':
      return fc
        .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((date) => date.toISOString());
    case 'ID':
      return fc.oneof(fc.uuid(), fc.string({ maxLength: 12 }), fc.integer().map(String));
    default:
      return fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.emailAddress(),
        fc.string({ unit: 'grapheme', maxLength: 12 }),
      );
  }
}

/** Values no client should send: wrong types, extremes, huge and deep, unknown fields. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    '',
    ' ',
    -1,
    0.5,
    -2_147_483_649,
    2 ** 53 + 1,
    1e308,
    -1e308,
    true,
    '1e999',
    'NaN',
    '0x10',
    "' OR 1=1 --",
    '"; DROP TABLE orders; --',
    '../../etc/passwd',
    '\u0000\u202e\ud800',
    '9999-99-99T99:99:99Z',
    '{"__proto__":{"polluted":true}}',
  ),
  fc.constant({ __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } }),
  fc.string({ minLength: 10_000, maxLength: 12_000 }),
  fc.constant('x'.repeat(300_000)),
  fc.integer({ min: 20, max: 300 }).map((depth) => nested(depth)),
  fc.array(fc.integer(), { minLength: 1_000, maxLength: 2_000 }),
  fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.anything(), { maxKeys: 5 }),
  fc.anything(),
);

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { deeper: value };
  return value;
}

/** A valid value with one part (or the whole) replaced by a hostile one, or an unknown field added. */
function mutatedValue(type: GraphQLInputType): fc.Arbitrary<unknown> {
  return fc
    .tuple(validValue(type), hostileValue, fc.nat(), fc.boolean())
    .map(([valid, hostile, pick, addUnknown]) => {
      if (!valid || typeof valid !== 'object' || Array.isArray(valid)) return hostile;
      const keys = Object.keys(valid);
      const copy: Record<string, unknown> = { ...(valid as Record<string, unknown>) };
      if (addUnknown || keys.length === 0) copy[`unknown${pick % 7}`] = hostile;
      else copy[keys[pick % keys.length]!] = hostile;
      return copy;
    });
}

interface RootField {
  operation: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

/** A document calling one root field with each argument as a variable. */
function documentFor(schema: GraphQLSchema, { operation, field }: RootField): string {
  const args = field.args;
  const declared = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${operation} Fuzz${declared ? `(${declared})` : ''} { ${field.name}${
    passed ? `(${passed})` : ''
  } ${selectionOf(schema, field.type, 1)} }`;
}

function variablesFor(args: readonly GraphQLArgument[], hostileArg: number | null) {
  return fc.record(
    Object.fromEntries(
      args.map((arg, index) => [
        arg.name,
        index === hostileArg ? mutatedValue(arg.type) : validValue(arg.type),
      ]),
    ),
  );
}

/** Ways to break a document itself: syntax, unknown fields and types, wrong literals. */
function brokenDocument(document: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: document.length }).map((cut) => document.slice(0, cut)),
    fc.constant(document.replace('{ __typename', '{ __typename noSuchField')),
    fc.constant(document.replace(/\$(\w+): [\w![\]]+/, '$$$1: NoSuchType')),
    fc.constant(document.replace(/: \$(\w+)/, ': {nested: [1, "two", {three: 3}]}')),
    fc.constant(document.replace(/: \$(\w+)/, ': "\\u0000\\ud800"')),
    fc.constant(`${document} fragment F on NoSuchType { id }`),
    fc.constant(document.replace('{ __typename', '{ __typename @nosuchdirective')),
    fc.constant(`${'{ a: __typename '.repeat(50)}${'}'.repeat(50)}`),
    fc.constant(`query { ${'__typename '.repeat(5_000)} }`),
    fc.string({ maxLength: 200 }),
  );
}

/**
 * Requests generated from the API schema: every root field with plausible variables, with one
 * argument made hostile, and with the document itself broken — in equal parts.
 */
export function fuzzCases(schema: GraphQLSchema, count: number, seed: number): FuzzCase[] {
  const roots: RootField[] = [
    ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({
      operation: 'query' as const,
      field,
    })),
    ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({
      operation: 'mutation' as const,
      field,
    })),
  ];
  const oneCase = fc.constantFrom(...roots).chain((root) => {
    const document = documentFor(schema, root);
    const label = `${root.operation} ${root.field.name}`;
    const argCount = root.field.args.length;
    return fc.oneof(
      variablesFor(root.field.args, null).map((variables) => ({
        label: `${label} (plausible)`,
        query: document,
        variables,
      })),
      fc
        .nat({ max: Math.max(0, argCount - 1) })
        .chain((hostileArg) => variablesFor(root.field.args, argCount ? hostileArg : null))
        .map((variables) => ({ label: `${label} (hostile variable)`, query: document, variables })),
      fc
        .tuple(brokenDocument(document), variablesFor(root.field.args, null))
        .map(([query, variables]) => ({ label: `${label} (broken document)`, query, variables })),
      hostileValue.map((variables) => ({
        label: `${label} (variables not an object)`,
        query: document,
        variables,
      })),
    );
  });
  return fc.sample(oneCase, { numRuns: count, seed });
}
