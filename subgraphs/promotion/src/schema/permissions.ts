import {
  allow,
  isAdmin,
  isAuthenticated,
  isOwnerOrAdmin,
  type PermissionRules,
} from '@shop/kit/server';

export const promotionPermissions: PermissionRules = {
  Query: {
    quote: isAuthenticated,
    claimableCoupons: allow,
    couponTemplates: isAdmin,
    discounts: isAdmin,
  },
  Mutation: {
    createDiscount: isAdmin,
    updateDiscount: isAdmin,
    endDiscount: isAdmin,
    createCouponTemplate: isAdmin,
    issueCoupon: isAdmin,
    claimCoupon: isAuthenticated,
  },
  Discount: isAdmin,
  CouponTemplate: allow,
  Coupon: isOwnerOrAdmin<{ userId: string }>((coupon) => coupon.userId),
  User: isOwnerOrAdmin<{ id: string }>((user) => user.id),
  CartQuote: isAuthenticated,
  QuoteLine: isAuthenticated,
  // Public prices, like the SKU's own.
  Sku: allow,
};
