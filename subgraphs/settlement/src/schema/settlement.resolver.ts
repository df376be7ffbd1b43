import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { SubgraphContext } from '@shop/kit/server';
import type { Reconciler } from '../services/reconciliation.js';
import { brandStatements, dailyStatements } from '../services/statements.js';
import { checkDates } from './dates.js';
import {
  BrandStatementType,
  ReconciliationType,
  SettlementStatementType,
} from './settlement.type.js';

@Resolver()
export class SettlementResolver {
  constructor(private readonly reconciler: Reconciler) {}

  @Query(() => [SettlementStatementType], {
    description: 'Admin: daily statements, from and to inclusive.',
  })
  settlementStatements(
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Ctx() context: SubgraphContext,
  ) {
    checkDates(from, to);
    return dailyStatements(context.em, from, to);
  }

  @Query(() => [BrandStatementType], {
    description: 'Admin: each brand’s daily statements, from and to inclusive.',
  })
  async brandStatements(
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Ctx() context: SubgraphContext,
  ): Promise<BrandStatementType[]> {
    checkDates(from, to);
    return (await brandStatements(context.em, from, to)).map(({ brandId, ...figures }) => ({
      ...figures,
      brand: brandId ? { id: brandId } : null,
    }));
  }

  @Mutation(() => ReconciliationType, {
    description:
      'Admin: compares a day with the PG’s settlement report and books its fees. Safe to repeat.',
  })
  reconcileSettlement(@Arg('date', () => String) date: string, @Ctx() context: SubgraphContext) {
    checkDates(date);
    return this.reconciler.reconcile(context.em, date);
  }
}
