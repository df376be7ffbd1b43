import {
  allow,
  isAdmin,
  isAuthenticated,
  isOwner,
  isService,
  or,
  type PermissionRules,
} from '@shop/kit/server';

const ownerOrAdmin = <Parent>(ownerOf: (parent: Parent) => string) =>
  or(isOwner(ownerOf), isAdmin, isService);

export const promotionPermissions: PermissionRules = {
  Query: { quote: isAuthenticated },
  Mutation: {
    createDiscount: isAdmin,
    createCouponTemplate: isAdmin,
    issueCoupon: isAdmin,
    claimCoupon: isAuthenticated,
  },
  Discount: isAdmin,
  CouponTemplate: allow,
  Coupon: ownerOrAdmin<{ userId: string }>((coupon) => coupon.userId),
  User: ownerOrAdmin<{ id: string }>((user) => user.id),
  CartQuote: isAuthenticated,
  QuoteLine: isAuthenticated,
  // Public prices, like the SKU's own.
  Sku: allow,
};
