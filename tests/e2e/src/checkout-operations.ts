/** The GraphQL operations of a checkout, as the storefront and the admin send them. */

export const signUp = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { __typename ... on AuthSession { userId accessToken } ... on ErrorResult { message } }
}`;

export const createCouponTemplate = `mutation Template($input: CreateCouponTemplateInput!) {
  createCouponTemplate(input: $input) { __typename ... on CouponTemplate { id } ... on InvalidInput { issues { field message } } }
}`;

export const claimCoupon = `mutation Claim($templateId: ID!) {
  claimCoupon(templateId: $templateId) { __typename ... on Coupon { id status } ... on ErrorResult { errorCode } }
}`;

export const adjustPoints = `mutation Points($userId: ID!, $amount: Int!, $reference: String!) {
  adjustPoints(userId: $userId, amount: $amount, reference: $reference, reason: "test points") { __typename ... on User { pointsBalance } }
}`;

export const quote = `query Quote($lines: [QuoteLineInput!]!, $couponId: ID) {
  quote(lines: $lines, couponId: $couponId) {
    ... on CartQuote { subtotal productDiscount couponDiscount total couponApplied couponRejection }
    ... on ErrorResult { errorCode }
  }
}`;

export const createOrder = `mutation CreateOrder($input: CreateOrderInput!) {
  createOrder(input: $input) {
    __typename
    ... on Order { id status totalAmount subtotal couponDiscount pointsUsed shippingFee orderName expiresAt }
    ... on OutOfStock { skuId available }
    ... on InvalidInput { issues { field message } }
    ... on ErrorResult { errorCode message }
  }
}`;

export const confirmPayment = `mutation Confirm($input: ConfirmPaymentInput!) {
  confirmPayment(input: $input) {
    __typename
    ... on Payment { id status amount cancelledAmount }
    ... on PaymentFailed { errorCode message }
  }
}`;

export const cancelOrder = `mutation Cancel($id: ID!) {
  cancelOrder(id: $id) { __typename ... on Order { id status refundedAmount } ... on ErrorResult { errorCode message } }
}`;

export const orderDetail = `query Order($id: ID!) {
  order(id: $id) {
    id status totalAmount cancelReason refundedAmount
    lines { quantity paidAmount couponDiscount pointsUsed sku { id } }
    payment { status amount cancelledAmount }
  }
}`;

export const myAccount = `{ me { id pointsBalance coupons { id status } orders(first: 50) { nodes { id status } } } }`;

export const skuStock = `query Stock($id: ID!) { sku(id: $id) { id onHand reserved available stockMovements(first: 100) { quantity } } }`;

export const createDiscount = `mutation Discount($input: CreateDiscountInput!) {
  createDiscount(input: $input) { __typename ... on Discount { id } ... on InvalidInput { issues { field message } } }
}`;

export const skuPrices = `query Prices($id: ID!) {
  sku(id: $id) { id price salePrice product { id category { id } } }
}`;

export const adminOrders = `query AdminOrders($filter: AdminOrderFilter) {
  adminOrders(filter: $filter, first: 50) { nodes { id status totalAmount } hasNextPage }
}`;
