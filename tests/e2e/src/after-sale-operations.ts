/** What happens to an order after it was paid: shipping it, and returning what came. */

export const shipOrder = `mutation Ship($orderId: ID!, $carrier: String!) {
  shipOrder(orderId: $orderId, carrier: $carrier) {
    __typename ... on Shipment { id status trackingNumber } ... on ErrorResult { errorCode }
  }
}`;

export const requestReturn = `mutation RequestReturn($input: RequestReturnInput!) {
  requestReturn(input: $input) { __typename ... on Return { id status } ... on ErrorResult { errorCode message } }
}`;

/** `requestReturn`'s variables for one unit of one order line. */
export const oneUnitReturn = (
  orderId: string,
  orderLineId: string,
  reason: 'DEFECTIVE' | 'CHANGED_MIND' = 'DEFECTIVE',
) => ({ input: { orderId, type: 'RETURN', reason, lines: [{ orderLineId, quantity: 1 }] } });

/** An admin's step of a return: approveReturn, receiveReturn, rejectReturn. */
export const returnStep = (name: string) => `mutation Step($id: ID!) {
  ${name}(id: $id) {
    __typename ... on Return { id status refundedAmount reshipTrackingNumber pickupTrackingNumber }
    ... on ErrorResult { errorCode message }
  }
}`;
