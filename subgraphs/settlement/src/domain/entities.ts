import { BrandCommissionSchema } from './brand-commission.entity.js';
import { LedgerEntrySchema } from './ledger-entry.entity.js';
import { PayableEntrySchema } from './payable-entry.entity.js';
import { PayableOrderSchema } from './payable-order.entity.js';

export const settlementEntities = [
  LedgerEntrySchema,
  PayableEntrySchema,
  PayableOrderSchema,
  BrandCommissionSchema,
];
