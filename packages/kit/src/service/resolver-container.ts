import type { ContainerType } from 'type-graphql';

/**
 * A type-graphql container over ready-made resolver instances, so resolvers receive their use
 * cases through the constructor instead of reaching for globals.
 */
export function resolverContainer(...instances: object[]): ContainerType {
  return {
    get: (resolverClass: { name: string }) => {
      const instance = instances.find((candidate) => candidate.constructor === resolverClass);
      if (!instance) throw new Error(`no resolver instance for ${resolverClass.name}`);
      return instance;
    },
  };
}
