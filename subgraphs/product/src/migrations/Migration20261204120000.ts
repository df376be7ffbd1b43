import { Migration } from '@mikro-orm/migrations';

// A manual stock movement names its reason and the admin who made it; pictures are uploaded
// under a one-time upload slot.
export class Migration20261204120000 extends Migration {
  override name = 'Migration20261204120000';

  override up(): void | Promise<void> {
    this.addSql(
      "alter table `stock_movement` add `reason` enum('RECEIVED','DAMAGED','LOST','COUNT_CORRECTION','RETURNED') null, add `actor_id` varchar(36) null;",
    );
    this.addSql(
      'create table `image_upload` (`id` varchar(36) not null, `product_id` varchar(36) not null, `expires_at` datetime not null, `used_at` datetime null, `created_at` datetime not null, primary key (`id`)) default character set utf8mb4 engine = InnoDB;',
    );
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists `image_upload`;');
    this.addSql('alter table `stock_movement` drop column `reason`, drop column `actor_id`;');
  }
}
