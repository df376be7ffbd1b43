import { Migration } from '@mikro-orm/migrations';

// updated_at: recovery finishes a return left APPROVED or RECEIVED by a process that died.
export class Migration20261203183000 extends Migration {
  override name = 'Migration20261203183000';

  override up(): void | Promise<void> {
    this.addSql(
      'alter table `shop_return` add `updated_at` datetime not null default current_timestamp;',
    );
    this.addSql(
      'alter table `shop_return` add index `shop_return_status_updated_at_index` (`status`, `updated_at`);',
    );
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `shop_return` drop index `shop_return_status_updated_at_index`;');
    this.addSql('alter table `shop_return` drop column `updated_at`;');
  }
}
