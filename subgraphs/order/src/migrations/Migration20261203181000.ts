import { Migration } from '@mikro-orm/migrations';

// OUT_OF_STOCK: a paid order whose stock was sold after its reservation lapsed is cancelled.
export class Migration20261203181000 extends Migration {
  override name = 'Migration20261203181000';

  override up(): void | Promise<void> {
    this.addSql(
      "alter table `shop_order` modify `cancel_reason` enum('CUSTOMER','ADMIN','EXPIRED','OUT_OF_STOCK') null;",
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      "alter table `shop_order` modify `cancel_reason` enum('CUSTOMER','ADMIN','EXPIRED') null;",
    );
  }
}
