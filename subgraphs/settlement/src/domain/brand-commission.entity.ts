import { defineEntity, p } from '@mikro-orm/core';

/** A brand's commission rate, set by an admin; brands without one pay the configured default. */
export const BrandCommissionSchema = defineEntity({
  name: 'BrandCommission',
  tableName: 'brand_commission',
  properties: {
    brandId: p.string().length(36).primary(),
    /** 1/100 of a percent: 1000 is 10 %. */
    rateBasisPoints: p.integer(),
    updatedAt: p.datetime(),
  },
});

export class BrandCommission extends BrandCommissionSchema.class {}
BrandCommissionSchema.setClass(BrandCommission);
