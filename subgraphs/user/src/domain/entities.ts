import { AddressSchema } from './address.entity.js';
import { PointsEntrySchema } from './points-entry.entity.js';
import { PointsHoldSchema } from './points-hold.entity.js';
import { PurchaseRewardSchema } from './purchase-reward.entity.js';
import { UserSchema } from './user.entity.js';

export const userEntities = [
  UserSchema,
  AddressSchema,
  PointsEntrySchema,
  PointsHoldSchema,
  PurchaseRewardSchema,
];
