import { createResultUnion, InvalidInput } from '@shop/kit/server';
import {
  CouponInvalid,
  InsufficientPoints,
  OrderNotCancellable,
  OrderNotDelivered,
  OrderNotFound,
  OrderType,
  OutOfStock,
  ProductUnavailable,
  RefundFailed,
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
  types: () => [OrderType, OrderNotCancellable, RefundFailed, OrderNotFound] as const,
});

export const ConfirmPurchaseResult = createResultUnion({
  name: 'ConfirmPurchaseResult',
  types: () => [OrderType, OrderNotDelivered, ReturnOpen, OrderNotFound] as const,
});
