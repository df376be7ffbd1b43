import { defineEntity, p } from '@mikro-orm/core';

/**
 * How much of an order line has been asked back. `returned` moves only by a conditional UPDATE
 * that keeps it at or below `ordered`, so two requests racing for the same units cannot both win
 * (and the units cannot be restocked twice).
 */
export const ReturnableLineSchema = defineEntity({
  name: 'ReturnableLine',
  tableName: 'returnable_line',
  properties: {
    orderLineId: p.string().length(36).primary(),
    ordered: p.integer(),
    returned: p.integer().default(0),
  },
});

export class ReturnableLine extends ReturnableLineSchema.class {}
ReturnableLineSchema.setClass(ReturnableLine);
