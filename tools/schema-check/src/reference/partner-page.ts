import {
  astFromValue,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  print,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { code, table } from './markdown.js';
import { persistedCallSection } from './persisted-call.js';

/** Partner scopes as @shop/contracts states them: each names the root fields it opens. */
export type PartnerScopes = Readonly<Record<string, readonly string[]>>;

type Documented = { description?: string | null; deprecationReason?: string | null };

const described = ({ description, deprecationReason }: Documented) =>
  [description, deprecationReason == null ? '' : `**Deprecated:** ${deprecationReason}`]
    .filter(Boolean)
    .join(' ');

const typed = (input: GraphQLArgument | GraphQLInputField) => {
  const value =
    input.defaultValue === undefined ? null : astFromValue(input.defaultValue, input.type);
  return value ? `${String(input.type)} = ${print(value)}` : String(input.type);
};

const signature = (field: GraphQLField<unknown, unknown>) =>
  field.args.length === 0
    ? field.name
    : `${field.name}(${field.args.map((arg) => `${arg.name}: ${typed(arg)}`).join(', ')})`;

/** The Query fields partner scopes open, each with the scopes that open it. */
function partnerFields(schema: GraphQLSchema, scopes: PartnerScopes) {
  const query = schema.getQueryType();
  const fields = new Map<string, { field: GraphQLField<unknown, unknown>; scopes: string[] }>();
  for (const [scope, coordinates] of Object.entries(scopes))
    for (const coordinate of coordinates) {
      const field = query?.getFields()[coordinate.replace(/^Query\./, '')];
      if (!coordinate.startsWith('Query.') || !field)
        throw new Error(`partner scope ${scope} opens ${coordinate}, which the API schema lacks`);
      const entry = fields.get(field.name) ?? { field, scopes: [] };
      entry.scopes.push(scope);
      fields.set(field.name, entry);
    }
  return [...fields.values()];
}

/** Every type a partner can reach from `roots`, by selecting fields or giving arguments. */
function reachableTypes(schema: GraphQLSchema, roots: GraphQLType[]): GraphQLNamedType[] {
  const found = new Map<string, GraphQLNamedType>();
  const pending = [...roots];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const type = getNamedType(next);
    if (found.has(type.name) || isSpecifiedScalarType(type)) continue;
    found.set(type.name, type);
    if (isObjectType(type) || isInterfaceType(type)) {
      pending.push(...type.getInterfaces());
      for (const field of Object.values(type.getFields()))
        pending.push(field.type, ...field.args.map((arg) => arg.type));
    }
    if (isInterfaceType(type)) pending.push(...schema.getPossibleTypes(type));
    if (isUnionType(type)) pending.push(...type.getTypes());
    if (isInputObjectType(type))
      pending.push(...Object.values(type.getFields()).map((field) => field.type));
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function typeSection(schema: GraphQLSchema, type: GraphQLNamedType): string[] {
  const names = (types: readonly GraphQLNamedType[]) =>
    types.map((member) => code(member.name)).join(', ');
  const head = (kind: string) => [
    `### ${type.name}`,
    '',
    `_${kind}_${type.description ? ` — ${type.description.replace(/\s*\n\s*/g, ' ')}` : ''}`,
    '',
  ];
  if (isObjectType(type) || isInterfaceType(type)) {
    const fields = Object.values(type.getFields()).map((field) => [
      code(signature(field)),
      code(String(field.type)),
      described(field),
    ]);
    const implementations = isInterfaceType(type)
      ? [`Implemented by ${names(schema.getPossibleTypes(type))}.`, '']
      : [];
    return [
      ...head(isObjectType(type) ? 'object' : 'interface'),
      ...table(['field', 'type', 'description'], fields),
      ...implementations,
    ];
  }
  if (isInputObjectType(type))
    return [
      ...head('input'),
      ...table(
        ['field', 'type', 'description'],
        Object.values(type.getFields()).map((field) => [
          code(field.name),
          code(typed(field)),
          described(field),
        ]),
      ),
    ];
  if (isEnumType(type))
    return [
      ...head('enum'),
      ...table(
        ['value', 'description'],
        type.getValues().map((value) => [code(value.name), described(value)]),
      ),
    ];
  if (isUnionType(type)) return [...head('union'), `One of ${names(type.getTypes())}.`, ''];
  return head('scalar');
}

/**
 * docs/partner-api.md: the Query fields partner scopes open, with their arguments and return
 * types, every type reachable from them, and how to call a persisted operation. Generated from
 * the API schema so it cannot drift from what the router serves.
 */
export function partnerPage(schema: GraphQLSchema, scopes: PartnerScopes): string {
  const fields = partnerFields(schema, scopes);
  const lines = [
    '# Partner API',
    '',
    '<!-- Generated from the API schema by `pnpm schema:check --write`: do not edit by hand. -->',
    '',
    'Partners call the shop’s GraphQL endpoint with a partner key and persisted operations.',
    'These are the Query fields a key’s scopes open, and every type they lead to.',
    '',
    persistedCallSection,
    '',
    '## Query fields',
    '',
  ];
  for (const { field, scopes: opening } of fields) {
    lines.push(`### Query.${field.name}`, '');
    if (field.description) lines.push(field.description, '');
    lines.push('```graphql', `${signature(field)}: ${String(field.type)}`, '```', '');
    lines.push(`Scopes: ${opening.map(code).join(', ')}.`, '');
    if (field.deprecationReason != null)
      lines.push(`**Deprecated:** ${field.deprecationReason}`, '');
    if (field.args.length > 0)
      lines.push(
        ...table(
          ['argument', 'type', 'description'],
          field.args.map((arg) => [code(arg.name), code(typed(arg)), described(arg)]),
        ),
      );
  }
  const roots = fields.flatMap(({ field }) => [field.type, ...field.args.map((arg) => arg.type)]);
  lines.push('## Types', '');
  for (const type of reachableTypes(schema, roots)) lines.push(...typeSection(schema, type));
  return `${lines.join('\n').trim()}\n`;
}
