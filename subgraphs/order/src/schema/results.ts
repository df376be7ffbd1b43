import { createResultUnion, InvalidInput } from '@shop/kit/server';
import { CheckoutQuoteType } from './checkout-quote.type.js';
import {
  CouponInvalid,
  InsufficientPoints,
  OrderNotCancellable,
  OrderNotDelivered,
  OrderNotFound,
  OrderType,
  OutOfStock,
  ProductUnavailable,
  ReturnOpen,
} from './order.type.js';

export const CreateOrderResult = createResultUnion({
  name: 'CreateOrderResult',
  types: () =>
    [
      OrderType,
      InvalidInput,
      OutOfStock,
      ProductUnavailable,
      CouponInvalid,
      InsufficientPoints,
    ] as const,
});

export const CancelOrderResult = createResultUnion({
  name: 'CancelOrderResult',
  types: () => [OrderType, OrderNotCancellable, OrderNotFound] as const,
});

export const ConfirmPurchaseResult = createResultUnion({
  name: 'ConfirmPurchaseResult',
  types: () => [OrderType, OrderNotDelivered, ReturnOpen, OrderNotFound] as const,
});

export const CheckoutQuoteResult = createResultUnion({
  name: 'CheckoutQuoteResult',
  types: () => [CheckoutQuoteType, InvalidInput] as const,
});
