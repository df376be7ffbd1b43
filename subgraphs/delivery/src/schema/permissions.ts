import {
  allow,
  isStaff,
  isAuthenticated,
  isOwnerOrStaff,
  staffMay,
  type PermissionRules,
} from '@shop/kit/server';

export const deliveryPermissions: PermissionRules = {
  Query: { shipment: isAuthenticated, carriers: isStaff },
  Mutation: { shipOrder: staffMay('fulfilment') },
  // The order's owner (checked per shipment) or staff, however it is reached: `shipment`,
  // `Order.shipments` or `_entities`.
  Shipment: isOwnerOrStaff<{ userId: string }>((shipment) => shipment.userId),
  TrackingStep: allow,
  // Reached only by the router joining an Order it was allowed to read.
  Order: allow,
};
