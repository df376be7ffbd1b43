import { Migration } from '@mikro-orm/migrations';

/** payment_cancel keeps what its event needs and when it was last worked on (crash recovery). */
export class Migration20261203150000 extends Migration {
  override name = 'Migration20261203150000';

  override up(): void | Promise<void> {
    this.addSql(
      "alter table `payment_cancel` add `lines` json not null default ('[]'), add `void` tinyint(1) not null default false, add `updated_at` datetime not null default current_timestamp;",
    );
    this.addSql(
      'alter table `payment_cancel` add index `payment_cancel_status_updated_at_index` (`status`, `updated_at`);',
    );
    this.addSql(
      'alter table `payment` add index `payment_status_updated_at_index` (`status`, `updated_at`);',
    );
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `payment` drop index `payment_status_updated_at_index`;');
    this.addSql(
      'alter table `payment_cancel` drop index `payment_cancel_status_updated_at_index`;',
    );
    this.addSql(
      'alter table `payment_cancel` drop column `lines`, drop column `void`, drop column `updated_at`;',
    );
  }
}
