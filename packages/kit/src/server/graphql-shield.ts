import type * as GraphQLMiddleware from 'graphql-middleware';
import type * as GraphQLShield from 'graphql-shield';
import { createRequire } from 'node:module';
import util from 'node:util';

// graphql-shield 7.6.5, its last release, calls `util.isUndefined`, which Node 23 removed: its ES
// build fails to load and its CommonJS build throws inside and/or/chain/race rules. The upstream
// fix was merged but never released. So: put the function back and load the CommonJS build,
// together with the CommonJS graphql-middleware it was built against (which recognises shield's
// middleware generator with `instanceof`, so the two must come from the same build).
const legacyUtil = util as typeof util & { isUndefined?: (value: unknown) => boolean };
legacyUtil.isUndefined ??= (value) => value === undefined;

const requireCommonJs = createRequire(import.meta.url);

export const { allow, and, chain, deny, not, or, race, rule, shield } = requireCommonJs(
  'graphql-shield',
) as typeof GraphQLShield;

export const { applyMiddleware } = requireCommonJs(
  'graphql-middleware',
) as typeof GraphQLMiddleware;
