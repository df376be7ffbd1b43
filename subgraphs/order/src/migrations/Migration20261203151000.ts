import { Migration } from '@mikro-orm/migrations';

// PLACING: an order whose holds are still being taken is not payable yet.
export class Migration20261203151000 extends Migration {
  override name = 'Migration20261203151000';

  override up(): void | Promise<void> {
    this.addSql(
      "alter table `shop_order` modify `status` enum('PLACING','PENDING','PAID','PREPARING','SHIPPED','DELIVERED','COMPLETED','FAILED','CANCELLED') not null default 'PLACING';",
    );
    this.addSql(
      'alter table `shop_order` add index `shop_order_status_created_at_index` (`status`, `created_at`);',
    );
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `shop_order` drop index `shop_order_status_created_at_index`;');
    this.addSql(
      "alter table `shop_order` modify `status` enum('PENDING','PAID','PREPARING','SHIPPED','DELIVERED','COMPLETED','FAILED','CANCELLED') not null default 'PENDING';",
    );
  }
}
