import { PaymentCancelSchema } from './payment-cancel.entity.js';
import { PaymentSchema } from './payment.entity.js';

export const paymentEntities = [PaymentSchema, PaymentCancelSchema];
