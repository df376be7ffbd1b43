import { Migration } from '@mikro-orm/migrations';

// The order page's history: a row per status change, written with the change. And the admin's
// search by date alone reads orders by creation time.
export class Migration20261204120000 extends Migration {
  override name = 'Migration20261204120000';

  override up(): void | Promise<void> {
    this.addSql(
      "create table `order_status_change` (`id` int unsigned not null auto_increment primary key, `order_id` varchar(36) not null, `status` enum('PLACING','PENDING','PAID','PREPARING','SHIPPED','DELIVERED','PARTIALLY_RETURNED','COMPLETED','RETURNED','FAILED','CANCELLING','CANCELLED') not null, `cause` varchar(40) not null, `created_at` datetime not null) default character set utf8mb4 engine = InnoDB;",
    );
    this.addSql(
      'alter table `order_status_change` add index `order_status_change_order_id_index` (`order_id`);',
    );
    this.addSql('alter table `shop_order` add index `shop_order_created_at_index` (`created_at`);');
  }

  override down(): void | Promise<void> {
    this.addSql('drop table if exists `order_status_change`;');
    this.addSql('alter table `shop_order` drop index `shop_order_created_at_index`;');
  }
}
