import { CouponTemplateSchema } from './coupon-template.entity.js';
import { CouponSchema } from './coupon.entity.js';
import { DiscountSchema } from './discount.entity.js';

export const promotionEntities = [DiscountSchema, CouponTemplateSchema, CouponSchema];
