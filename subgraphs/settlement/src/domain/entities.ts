import { LedgerEntrySchema } from './ledger-entry.entity.js';

export const settlementEntities = [LedgerEntrySchema];
