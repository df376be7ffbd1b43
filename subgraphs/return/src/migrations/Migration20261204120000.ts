import { Migration } from '@mikro-orm/migrations';

// admin_refund_key: an admin's refund on the customer's behalf, found again by a retry.
export class Migration20261204120000 extends Migration {
  override name = 'Migration20261204120000';

  override up(): void | Promise<void> {
    this.addSql('alter table `shop_return` add `admin_refund_key` varchar(64) null;');
    this.addSql(
      'alter table `shop_return` add unique `shop_return_admin_refund_key_unique` (`admin_refund_key`);',
    );
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `shop_return` drop index `shop_return_admin_refund_key_unique`;');
    this.addSql('alter table `shop_return` drop column `admin_refund_key`;');
  }
}
