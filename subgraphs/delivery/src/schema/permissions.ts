import {
  allow,
  isAdmin,
  isAuthenticated,
  isOwnerOrAdmin,
  type PermissionRules,
} from '@shop/kit/server';

export const deliveryPermissions: PermissionRules = {
  Query: { shipment: isAuthenticated, carriers: isAdmin },
  Mutation: { shipOrder: isAdmin },
  // The order's owner (checked per shipment) or an admin, however it is reached: `shipment`,
  // `Order.shipments` or `_entities`.
  Shipment: isOwnerOrAdmin<{ userId: string }>((shipment) => shipment.userId),
  TrackingStep: allow,
  // Reached only by the router joining an Order it was allowed to read.
  Order: allow,
};
