// type-graphql's decorators need the metadata API before any of them runs.
import 'reflect-metadata';
import { createUnionType, Field, InterfaceType, ObjectType, type ClassType } from 'type-graphql';
import { ErrorCodeEnum, type ErrorCode } from './error-code.js';

export const errorResultInterfaceName = 'ErrorResult';

/**
 * A business failure the client is expected to handle (out of stock, coupon expired, amount
 * mismatch), returned as data rather than thrown, as in Vendure. Each subgraph declares concrete
 * error types implementing it and returns them inside a result union:
 *
 * ```ts
 * @ObjectType({ implements: ErrorResult })
 * class OutOfStock extends ErrorResult { ... super('OUT_OF_STOCK', 'Only 2 left') ... }
 * ```
 *
 * The code is an `ErrorCode` (error-code.ts), so a new failure adds its code to that one list.
 */
@InterfaceType(errorResultInterfaceName, {
  description:
    'A business failure the client should handle; `errorCode` is stable, `message` is for people.',
  // type-graphql's metadata is global: auto-registering would put every subgraph's error types
  // (all loaded in one process by `pnpm start`) into each schema. Unions bring in their own.
  autoRegisterImplementations: false,
})
export abstract class ErrorResult {
  @Field(() => ErrorCodeEnum, { description: 'Stable, machine-readable code, e.g. OUT_OF_STOCK.' })
  errorCode: ErrorCode;

  @Field(() => String, { description: 'Human-readable explanation.' })
  message: string;

  protected constructor(errorCode: ErrorCode, message: string) {
    this.errorCode = errorCode;
    this.message = message;
  }
}

/**
 * An error type that answers one of several codes (why a coupon was not issued) with the caller's
 * message. Its description lists the codes, so the API reference says which to expect.
 */
export function errorResultWithCodes<const Codes extends readonly ErrorCode[]>(
  name: string,
  codes: Codes,
) {
  @ObjectType(name, { implements: ErrorResult, description: `errorCode: ${codes.join(', ')}.` })
  class ErrorResultWithCodes extends ErrorResult {
    constructor(code: Codes[number], message: string) {
      super(code, message);
    }
  }
  return ErrorResultWithCodes;
}

export interface ResultUnionConfig<Types extends readonly ClassType[]> {
  name: string;
  description?: string;
  /** The success type and the error types, lazily (classes may be declared later). */
  types: () => Types;
}

function isErrorResultClass(type: ClassType): boolean {
  return type.prototype instanceof ErrorResult;
}

/**
 * A union `Success | ErrorA | ErrorB` (`union CreateOrderResult = Order | OutOfStock`). Resolvers
 * return either an error instance or the success value as they have it — usually an ORM entity,
 * which is not an instance of the GraphQL class. So the member is picked by `__typename` if the
 * value carries one, else by `instanceof`, else it is the one member that is not an error.
 */
export function createResultUnion<const Types extends readonly ClassType[]>(
  config: ResultUnionConfig<Types>,
) {
  return createUnionType({
    name: config.name,
    description: config.description,
    types: config.types,
    resolveType: (value) => {
      const typename = (value as { __typename?: unknown }).__typename;
      if (typeof typename === 'string') return typename;
      const members = config.types();
      const instanceOf = members.find((member) => value instanceof member);
      if (instanceOf) return instanceOf;
      const successes = members.filter((member) => !isErrorResultClass(member));
      if (successes.length === 1) return successes[0];
      throw new Error(
        `${config.name}: cannot tell which member a value is; give it a __typename or return a class instance`,
      );
    },
  });
}
