import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  createResultUnion,
  InvalidInput,
  ownsOrIsStaff,
  type SubgraphContext,
} from '@shop/kit/server';
import { carriers } from '../domain/carriers.js';
import { Shipment } from '../domain/shipment.entity.js';
import { TrackingEvent } from '../domain/tracking-event.entity.js';
import type { Shipments } from '../services/shipments.js';
import type { ShipmentContext } from './loaders.js';
import {
  OrderWithShipments,
  ShipmentNotReady,
  ShipmentType,
  TrackingStepType,
} from './shipment.type.js';

const ShipOrderResult = createResultUnion({
  name: 'ShipOrderResult',
  types: () => [ShipmentType, ShipmentNotReady, InvalidInput] as const,
});

@Resolver(() => ShipmentType)
export class ShipmentResolver {
  constructor(private readonly shipments: Shipments) {}

  @Query(() => ShipmentType, {
    nullable: true,
    description: 'A shipment of one of your orders (admins: any); null if none is yours.',
  })
  async shipment(@Arg('id', () => ID) id: string, @Ctx() context: ShipmentContext) {
    const shipment = await context.loaders.shipment.load(id);
    return shipment && ownsOrIsStaff(context.identity, shipment.userId) ? shipment : null;
  }

  @Query(() => [String], { description: 'The carriers an order can be shipped with.' })
  carriers(): readonly string[] {
    return carriers;
  }

  @Mutation(() => ShipOrderResult, {
    description: 'Admin: hand a paid order to one of `carriers`.',
  })
  async shipOrder(
    @Arg('orderId', () => ID) orderId: string,
    @Arg('carrier', () => String) carrier: string,
    @Arg('trackingNumber', () => String, { nullable: true }) trackingNumber: string | null,
    @Ctx() context: SubgraphContext,
  ) {
    const outcome = await this.shipments.ship(context.em, orderId, carrier, trackingNumber);
    if (outcome.kind === 'shipped') return outcome.shipment;
    if (outcome.kind === 'unknown-carrier')
      return new InvalidInput([{ field: 'carrier', message: `not one of ${carriers.join(', ')}` }]);
    return new ShipmentNotReady(outcome.kind === 'not-ready' ? outcome.status : null);
  }

  @FieldResolver(() => [TrackingStepType], { description: 'The carrier’s steps, oldest first.' })
  timeline(@Root() shipment: Shipment, @Ctx() context: SubgraphContext) {
    return context.em.find(
      TrackingEvent,
      { shipmentId: shipment.id },
      { orderBy: { occurredAt: 'asc', id: 'asc' } },
    );
  }
}

/** `Order.shipments`: reached only through an order the router let the caller read. */
@Resolver(() => OrderWithShipments)
export class OrderShipmentsResolver {
  @FieldResolver(() => [ShipmentType])
  shipments(@Root() order: { id: string }, @Ctx() context: SubgraphContext) {
    return context.em.find(Shipment, { orderId: order.id });
  }
}
