import { Migration } from '@mikro-orm/migrations';

// payment_cancel.updated_at's default only gave the rows already there a time when
// 20261203150000 added the column; every row is given one when it is written, as the entity says.
export class Migration20261206120000 extends Migration {
  override name = 'Migration20261206120000';

  override up(): void | Promise<void> {
    this.addSql('alter table `payment_cancel` alter `updated_at` drop default;');
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `payment_cancel` alter `updated_at` set default current_timestamp;');
  }
}
