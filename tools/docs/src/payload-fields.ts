import { z } from 'zod';

/** One field of an event's payload: where it sits (`lines[].skuId`) and its type in words. */
export interface PayloadField {
  path: string;
  type: string;
}

/** The subset of JSON Schema that `z.toJSONSchema` writes for the contracts' schemas. */
interface JsonSchema {
  /** Several for a nullable plain value: `["string", "null"]`. */
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  default?: unknown;
}

/**
 * The fields of a payload schema, nested objects and array items flattened into paths. Read as
 * a producer writes it (`io: 'input'`): a field with a default may be left out.
 */
export function payloadFields(schema: z.ZodType): PayloadField[] {
  return fieldsOf(z.toJSONSchema(schema, { io: 'input' }) as JsonSchema, '');
}

function fieldsOf(object: JsonSchema, prefix: string): PayloadField[] {
  return Object.entries(object.properties ?? {}).flatMap(([name, schema]) => {
    const path = `${prefix}${name}`;
    const field = { path, type: withPresence(schema, object.required?.includes(name) ?? false) };
    return [field, ...nestedFieldsOf(schema, path)];
  });
}

/** The fields inside an object (also a nullable one) or inside an array's objects. */
function nestedFieldsOf(schema: JsonSchema, path: string): PayloadField[] {
  const value = schema.anyOf?.find((option) => option.type !== 'null') ?? schema;
  if (value.properties) return fieldsOf(value, `${path}.`);
  if (value.items?.properties) return fieldsOf(value.items, `${path}[].`);
  return [];
}

function withPresence(schema: JsonSchema, required: boolean): string {
  const type = typeOf(schema);
  if (schema.default !== undefined) return `${type}, default \`${JSON.stringify(schema.default)}\``;
  return required ? type : `${type}, optional`;
}

function typeOf(schema: JsonSchema): string {
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  if (Array.isArray(schema.type))
    return schema.type.map((type) => typeOf({ ...schema, type })).join(' or ');
  if (schema.enum) return `one of ${schema.enum.map((value) => `\`${String(value)}\``).join(', ')}`;
  switch (schema.type) {
    case 'string':
      return schema.format ?? 'string';
    case 'integer':
    case 'number':
      return `${schema.type}${boundOf(schema)}`;
    case 'boolean':
    case 'null':
      return schema.type;
    case 'array': {
      const atLeast = schema.minItems ? ` (at least ${schema.minItems})` : '';
      return `array of ${schema.items ? typeOf(schema.items) : 'anything'}${atLeast}`;
    }
    case 'object':
      return typeof schema.additionalProperties === 'object'
        ? `map of string to ${typeOf(schema.additionalProperties)}`
        : 'object';
  }
  throw new Error(`no words for the JSON schema ${JSON.stringify(schema)}`);
}

/** A lower bound worth stating: zod's `int()` alone bounds by the safe integers, which goes unsaid. */
function boundOf(schema: JsonSchema): string {
  if (schema.exclusiveMinimum !== undefined) return ` > ${schema.exclusiveMinimum}`;
  if (schema.minimum !== undefined && schema.minimum > Number.MIN_SAFE_INTEGER)
    return ` ≥ ${schema.minimum}`;
  return '';
}
