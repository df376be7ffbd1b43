import { Migration } from '@mikro-orm/migrations';

// shop_return.updated_at's default only gave the returns already there a time when
// 20261203183000 added the column; every return is given one when it is written, as the entity says.
export class Migration20261206120000 extends Migration {
  override name = 'Migration20261206120000';

  override up(): void | Promise<void> {
    this.addSql('alter table `shop_return` alter `updated_at` drop default;');
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `shop_return` alter `updated_at` set default current_timestamp;');
  }
}
