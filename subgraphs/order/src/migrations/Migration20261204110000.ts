import { Migration } from '@mikro-orm/migrations';

// CANCELLING: a paid order claimed for cancellation while its refund is made, so delivery cannot
// claim it for shipping meanwhile (and PREPARING, delivery's claim, is now set).
export class Migration20261204110000 extends Migration {
  override name = 'Migration20261204110000';

  override up(): void | Promise<void> {
    this.addSql(
      "alter table `shop_order` modify `status` enum('PLACING','PENDING','PAID','PREPARING','SHIPPED','DELIVERED','PARTIALLY_RETURNED','COMPLETED','RETURNED','FAILED','CANCELLING','CANCELLED') not null default 'PLACING';",
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      "alter table `shop_order` modify `status` enum('PLACING','PENDING','PAID','PREPARING','SHIPPED','DELIVERED','PARTIALLY_RETURNED','COMPLETED','RETURNED','FAILED','CANCELLED') not null default 'PLACING';",
    );
  }
}
