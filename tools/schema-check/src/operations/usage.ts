import {
  getNamedType,
  isInputObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';

/**
 * The schema coordinates an operation uses: `Type.field`, `Type.field(arg:)` and every named type
 * it touches (selected, spread on, or taken as input). An input type brings every input type and
 * enum reachable from it, since a variable of that type may carry any of their fields and values.
 */
export function coordinatesUsed(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>();
  const useType = (type: GraphQLType) => {
    const named = getNamedType(type);
    if (used.has(named.name)) return;
    used.add(named.name);
    if (isInputObjectType(named))
      for (const field of Object.values(named.getFields())) useType(field.type);
  };
  const typeInfo = new TypeInfo(schema);
  const useTypeCondition = () => {
    const type = typeInfo.getType();
    if (type) useType(type);
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        used.add(`${parent.name}.${field.name}`);
        useType(field.type);
      },
      Argument() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const argument = typeInfo.getArgument();
        // A directive's argument (@include(if:)) is no field's.
        if (typeInfo.getDirective() || !parent || !field || !argument) return;
        used.add(`${parent.name}.${field.name}(${argument.name}:)`);
        useType(argument.type);
      },
      InlineFragment: useTypeCondition,
      FragmentDefinition: useTypeCondition,
      VariableDefinition() {
        const type = typeInfo.getInputType();
        if (type) useType(type);
      },
    }),
  );
  return used;
}
