import { Migration } from '@mikro-orm/migrations';

// A sale marks its product for the sales publisher instead of publishing it in the sale's
// transaction. Every earlier sale was published when it was made, so no row starts marked.
export class Migration20261205100746 extends Migration {
  override name = 'Migration20261205100746';

  override up(): void | Promise<void> {
    this.addSql(
      'alter table `product` add `sales_pending` tinyint(1) not null default false, add index `product_sales_pending_index` (`sales_pending`);',
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      'alter table `product` drop index `product_sales_pending_index`, drop column `sales_pending`;',
    );
  }
}
