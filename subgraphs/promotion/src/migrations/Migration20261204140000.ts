import { Migration } from '@mikro-orm/migrations';

// Discounts keep their creation time to the millisecond: the admin lists them newest first.
export class Migration20261204140000 extends Migration {
  override name = 'Migration20261204140000';

  override up(): void | Promise<void> {
    this.addSql('alter table `discount` modify `created_at` datetime(3) not null;');
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `discount` modify `created_at` datetime not null;');
  }
}
