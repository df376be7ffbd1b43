import {
  DEFAULT_DEPRECATION_REASON,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';

export type LintRule =
  | 'type-name'
  | 'field-name'
  | 'argument-name'
  | 'enum-value-name'
  | 'root-field-description'
  | 'deprecation-reason';

export interface Violation {
  rule: LintRule;
  coordinate: string;
  message: string;
}

const pascalCase = /^[A-Z][A-Za-z0-9]*$/;
const camelCase = /^[a-z][A-Za-z0-9]*$/;
const upperSnakeCase = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;

/** What a deprecation says: graphql-js fills in its default when @deprecated gives no reason. */
const saysWhy = (reason: string | null | undefined) =>
  reason == null || (reason.trim() !== '' && reason !== DEFAULT_DEPRECATION_REASON);

/**
 * The API schema's conventions: PascalCase types, camelCase fields and arguments, UPPER_SNAKE_CASE
 * enum values, a description on every Query and Mutation field (clients and partners read them in
 * the reference page), and a reason on every deprecation (what to use instead).
 */
export function lintSchema(schema: GraphQLSchema): Violation[] {
  const violations: Violation[] = [];
  const report = (rule: LintRule, coordinate: string, message: string) =>
    violations.push({ rule, coordinate, message: `${coordinate} ${message}` });
  const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (!pascalCase.test(type.name)) report('type-name', type.name, 'is not PascalCase');
    if (isEnumType(type))
      for (const value of type.getValues()) {
        const coordinate = `${type.name}.${value.name}`;
        if (!upperSnakeCase.test(value.name))
          report('enum-value-name', coordinate, 'is not UPPER_SNAKE_CASE');
        if (!saysWhy(value.deprecationReason))
          report('deprecation-reason', coordinate, 'is deprecated without a reason');
      }
    if (!isObjectType(type) && !isInterfaceType(type) && !isInputObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (!camelCase.test(field.name)) report('field-name', coordinate, 'is not camelCase');
      if (!saysWhy(field.deprecationReason))
        report('deprecation-reason', coordinate, 'is deprecated without a reason');
      if (roots.has(type.name) && !field.description?.trim())
        report('root-field-description', coordinate, 'has no description');
      for (const argument of 'args' in field ? field.args : []) {
        const argumentCoordinate = `${coordinate}(${argument.name}:)`;
        if (!camelCase.test(argument.name))
          report('argument-name', argumentCoordinate, 'is not camelCase');
        if (!saysWhy(argument.deprecationReason))
          report('deprecation-reason', argumentCoordinate, 'is deprecated without a reason');
      }
    }
  }
  return violations;
}
