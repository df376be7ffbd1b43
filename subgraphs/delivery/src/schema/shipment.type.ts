import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorResult } from '@shop/kit/server';
import { shipmentStatuses, type ShipmentStatus } from '../domain/shipment.entity.js';

export const ShipmentStatusEnum = Object.fromEntries(shipmentStatuses.map((s) => [s, s])) as Record<
  ShipmentStatus,
  ShipmentStatus
>;
registerEnumType(ShipmentStatusEnum, {
  name: 'ShipmentStatus',
  description:
    'READY → SHIPPED → IN_TRANSIT → OUT_FOR_DELIVERY → DELIVERED (or FAILED, CANCELLED).',
});

@ObjectType('TrackingStep', { description: 'One step the carrier reported.' })
export class TrackingStepType {
  @Field(() => ShipmentStatusEnum) status!: ShipmentStatus;
  @Field(() => Date) occurredAt!: Date;
  @Field(() => String) location!: string;
  @Field(() => String) description!: string;
}

@ObjectType('Shipment')
@Directive('@key(fields: "id")')
export class ShipmentType {
  @Field(() => ID) id!: string;
  @Field(() => ShipmentStatusEnum) status!: ShipmentStatus;
  @Field(() => String, { nullable: true }) carrier!: string | null;
  @Field(() => String, { nullable: true }) trackingNumber!: string | null;
  @Field(() => Date, { nullable: true }) shippedAt!: Date | null;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
}

@ObjectType('Order')
@Directive('@key(fields: "id")')
export class OrderWithShipments {
  @Field(() => ID) id!: string;
}

@ObjectType('ShipmentNotReady', { implements: ErrorResult })
export class ShipmentNotReady extends ErrorResult {
  @Field(() => ShipmentStatusEnum, { nullable: true }) status: ShipmentStatus | null;

  constructor(status: ShipmentStatus | null) {
    super(
      status ? 'SHIPMENT_NOT_READY' : 'SHIPMENT_NOT_FOUND',
      status ? `The shipment is ${status}.` : 'No shipment for this order (is it paid?).',
    );
    this.status = status;
  }
}
