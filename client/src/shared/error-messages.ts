import type { ErrorCode } from '../graphql/generated';
import type { Locale } from './i18n';

/**
 * What each business failure tells the shopper. Keyed by the schema's `ErrorCode`, which codegen
 * generates: a code the server adds or drops fails `pnpm typecheck` here until it is written.
 */
export const errorMessages: Record<ErrorCode, Record<Locale, string>> = {
  INVALID_INPUT: {
    ko: '입력한 내용을 확인해 주세요.',
    en: 'Please check what you entered.',
  },
  EMAIL_TAKEN: {
    ko: '이미 가입된 이메일입니다. 로그인해 주세요.',
    en: 'This email already has an account. Log in instead.',
  },
  INVALID_CREDENTIALS: {
    ko: '이메일 또는 비밀번호가 올바르지 않습니다.',
    en: 'The email or the password is wrong.',
  },
  TOO_MANY_ATTEMPTS: {
    ko: '로그인 시도가 너무 많습니다. 잠시 후 다시 시도해 주세요.',
    en: 'Too many login attempts. Please wait a moment.',
  },
  INVALID_REFRESH_TOKEN: {
    ko: '로그인이 끝났습니다. 다시 로그인해 주세요.',
    en: 'Your session has ended. Please log in again.',
  },
  PARTNER_NOT_FOUND: {
    ko: '파트너를 찾을 수 없습니다.',
    en: 'This partner could not be found.',
  },
  ACCOUNT_NOT_FOUND: {
    ko: '이 이메일로 가입한 계정이 없습니다.',
    en: 'No account has this email.',
  },
  OWN_ROLE: {
    ko: '자신의 역할은 바꿀 수 없습니다. 다른 관리자에게 요청해 주세요.',
    en: 'You cannot change your own role; ask another owner.',
  },
  PARTNER_NAME_TAKEN: {
    ko: '같은 이름의 파트너가 이미 있습니다.',
    en: 'Another partner has this name.',
  },
  ADDRESS_NOT_FOUND: {
    ko: '배송지를 찾을 수 없습니다.',
    en: 'This address is not in your address book.',
  },
  ADDRESS_LIMIT_REACHED: {
    ko: '배송지를 더 저장할 수 없습니다. 하나를 삭제한 뒤 추가해 주세요.',
    en: 'Your address book is full. Remove an address first.',
  },
  NOT_FOUND: {
    ko: '찾는 항목이 없습니다. 목록을 새로 고쳐 주세요.',
    en: 'It could not be found. Reload the list.',
  },
  BELOW_RESERVED: {
    ko: '주문에 예약된 수량보다 재고를 적게 만들 수 없습니다.',
    en: 'Stock cannot go below the units reserved for open orders.',
  },
  IMAGE_TOO_LARGE: {
    ko: '사진 파일이 너무 큽니다. 5MB 이하로 올려 주세요.',
    en: 'The picture is too large. Upload one of at most 5 MB.',
  },
  IMAGE_TYPE_REFUSED: {
    ko: 'JPEG, PNG, WebP 사진만 올릴 수 있습니다.',
    en: 'Only JPEG, PNG and WebP pictures can be uploaded.',
  },
  UPLOAD_EXPIRED: {
    ko: '업로드 시간이 지났습니다. 다시 올려 주세요.',
    en: 'The upload timed out. Please try again.',
  },
  REINDEX_ALREADY_RUNNING: {
    ko: '검색 색인을 이미 다시 만드는 중입니다.',
    en: 'A search reindex is already running.',
  },
  TEMPLATE_NOT_FOUND: {
    ko: '없는 쿠폰입니다.',
    en: 'This coupon does not exist.',
  },
  NOT_CLAIMABLE: {
    ko: '직접 받을 수 없는 쿠폰입니다.',
    en: 'This coupon is given out by the shop only.',
  },
  NOT_STARTED: {
    ko: '아직 받을 수 없는 쿠폰입니다. 발급 시작일 이후에 받아 주세요.',
    en: 'This coupon cannot be claimed yet; claim it from its start date.',
  },
  EXPIRED: {
    ko: '기간이 끝난 쿠폰입니다.',
    en: 'This coupon has expired.',
  },
  SOLD_OUT: {
    ko: '쿠폰이 모두 소진되었습니다.',
    en: 'All of these coupons have been given out.',
  },
  PER_CUSTOMER_LIMIT: {
    ko: '이 쿠폰은 더 받을 수 없습니다.',
    en: 'You already have as many of this coupon as one customer may.',
  },
  OUT_OF_STOCK: {
    ko: '재고가 부족한 상품이 있습니다. 수량을 줄이거나 다른 옵션을 골라 주세요.',
    en: 'Some items are out of stock. Lower the quantity or choose other options.',
  },
  PRODUCT_UNAVAILABLE: {
    ko: '지금 판매하지 않는 상품이 있습니다. 장바구니에서 빼 주세요.',
    en: 'Some items are no longer sold. Remove them from the cart.',
  },
  COUPON_INVALID: {
    ko: '이 쿠폰은 쓸 수 없습니다.',
    en: 'This coupon cannot be used.',
  },
  INSUFFICIENT_POINTS: {
    ko: '포인트가 부족합니다.',
    en: 'Not enough points.',
  },
  ORDER_NOT_FOUND: {
    ko: '주문을 찾을 수 없습니다.',
    en: 'This order could not be found.',
  },
  ORDER_NOT_CANCELLABLE: {
    ko: '상품 준비가 시작되어 취소할 수 없습니다. 받으신 뒤 반품을 신청해 주세요.',
    en: 'It is being prepared for shipping and can no longer be cancelled. Request a return once it arrives.',
  },
  ORDER_NOT_DELIVERED: {
    ko: '배송이 끝난 주문만 구매 확정할 수 있습니다.',
    en: 'Only a delivered order can be confirmed.',
  },
  RETURN_OPEN: {
    ko: '진행 중인 반품이 있어 아직 구매 확정할 수 없습니다. 반품이 끝나면 확정해 주세요.',
    en: 'A return of this order is under way, so the purchase cannot be confirmed yet. Confirm it once the return is done.',
  },
  ORDER_UNAVAILABLE: {
    ko: '주문을 확인하지 못했습니다. 결제되지 않았으니 잠시 후 다시 시도해 주세요.',
    en: 'The order could not be checked just now; nothing was charged. Try again shortly.',
  },
  ORDER_NOT_PAYABLE: {
    ko: '결제할 수 없는 주문입니다(시간이 지나 취소되었을 수 있습니다).',
    en: 'This order can no longer be paid (it may have expired).',
  },
  AMOUNT_MISMATCH: {
    ko: '결제 금액이 주문 금액과 다릅니다. 다시 주문해 주세요.',
    en: 'The amount paid differs from the order. Please order again.',
  },
  IN_PROGRESS: {
    ko: '결제를 확인하는 중입니다. 잠시 후 주문 내역을 확인해 주세요.',
    en: 'The payment is still being confirmed. Check your orders in a moment.',
  },
  PG_REJECT_CARD_PAYMENT: {
    ko: '카드사에서 결제를 거절했습니다. 다른 카드로 다시 시도해 주세요.',
    en: 'The card issuer declined the payment. Try another card.',
  },
  PG_NOT_ENOUGH_BALANCE: {
    ko: '잔액이 부족합니다. 다른 카드로 다시 시도해 주세요.',
    en: 'Not enough balance. Try another card.',
  },
  PG_NOT_FOUND_PAYMENT_SESSION: {
    ko: '결제 시간이 지났습니다. 처음부터 다시 결제해 주세요.',
    en: 'The payment timed out. Please pay again from the start.',
  },
  PG_NOT_CONFIRMED: {
    ko: '결제가 확인되지 않았습니다. 다시 시도해 주세요.',
    en: 'The payment could not be confirmed. Please try again.',
  },
  PG_REFUSED: {
    ko: '결제에 실패했습니다. 다른 카드로 다시 시도해 주세요.',
    en: 'The payment failed. Try another card.',
  },
  SHIPMENT_NOT_READY: {
    ko: '배송이 이미 다음 단계로 넘어갔습니다.',
    en: 'The shipment is past this step already.',
  },
  SHIPMENT_NOT_FOUND: {
    ko: '이 주문의 배송 정보가 없습니다. 결제되었는지 확인해 주세요.',
    en: 'This order has no shipment. Check that it is paid.',
  },
  RETURN_NOT_FOUND: {
    ko: '반품을 찾을 수 없습니다.',
    en: 'This return could not be found.',
  },
  WRONG_STATUS: {
    ko: '반품이 이미 다음 단계로 넘어갔습니다. 목록을 새로 고쳐 주세요.',
    en: 'The return has moved on already. Reload the list.',
  },
  NOT_RETURNABLE: {
    ko: '지금은 반품할 수 없습니다.',
    en: 'This cannot be returned now.',
  },
};

/** The shopper's words for a code; undefined for one a newer server sends that this build lacks. */
export function errorMessage(code: string, locale: Locale): string | undefined {
  return Object.hasOwn(errorMessages, code) ? errorMessages[code as ErrorCode][locale] : undefined;
}
