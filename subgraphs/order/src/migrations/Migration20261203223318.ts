import { Migration } from '@mikro-orm/migrations';

// Returns, from the return service's events: open returns hold the confirmation; refunded units
// and amounts per line; PARTIALLY_RETURNED and RETURNED.
export class Migration20261203223318 extends Migration {
  override name = 'Migration20261203223318';

  override up(): void | Promise<void> {
    this.addSql(
      "create table `order_return` (`return_id` varchar(36) not null, `order_id` varchar(36) not null, `status` enum('OPEN','REJECTED','REFUNDED','RESHIPPED') not null, `lines` json not null, `created_at` datetime not null, primary key (`return_id`)) default character set utf8mb4 engine = InnoDB;",
    );
    this.addSql('alter table `order_return` add index `order_return_order_id_index` (`order_id`);');
    this.addSql('alter table `shop_order` add `open_returns` int not null default 0;');
    this.addSql(
      "alter table `shop_order` modify `status` enum('PLACING','PENDING','PAID','PREPARING','SHIPPED','DELIVERED','PARTIALLY_RETURNED','COMPLETED','RETURNED','FAILED','CANCELLED') not null default 'PLACING';",
    );
    this.addSql(
      'alter table `order_line` add `return_pending_quantity` int not null default 0, add `returned_quantity` int not null default 0, add `refunded_amount` int not null default 0;',
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      'alter table `order_line` drop column `return_pending_quantity`, drop column `returned_quantity`, drop column `refunded_amount`;',
    );
    this.addSql(
      "alter table `shop_order` modify `status` enum('PLACING','PENDING','PAID','PREPARING','SHIPPED','DELIVERED','COMPLETED','FAILED','CANCELLED') not null default 'PLACING';",
    );
    this.addSql('alter table `shop_order` drop column `open_returns`;');
    this.addSql('drop table if exists `order_return`;');
  }
}
