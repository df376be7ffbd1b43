import {
  allow,
  isStaff,
  isAuthenticated,
  isOwnerOrStaff,
  staffMay,
  type PermissionRules,
} from '@shop/kit/server';

export const promotionPermissions: PermissionRules = {
  Query: {
    quote: isAuthenticated,
    claimableCoupons: allow,
    couponTemplates: isStaff,
    discounts: isStaff,
  },
  Mutation: {
    createDiscount: staffMay('promotions'),
    updateDiscount: staffMay('promotions'),
    endDiscount: staffMay('promotions'),
    createCouponTemplate: staffMay('promotions'),
    issueCoupon: staffMay('customers'),
    claimCoupon: isAuthenticated,
    claimCouponCode: isAuthenticated,
  },
  Discount: isStaff,
  // A code is for staff to hand out, not for whoever can see the coupon.
  CouponTemplate: { '*': allow, code: isStaff },
  Coupon: isOwnerOrStaff<{ userId: string }>((coupon) => coupon.userId),
  User: isOwnerOrStaff<{ id: string }>((user) => user.id),
  CartQuote: isAuthenticated,
  QuoteLine: isAuthenticated,
  // Public prices, like the SKU's own.
  Sku: allow,
};
