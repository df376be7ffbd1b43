import { Migration } from '@mikro-orm/migrations';

export class Migration20261124153741 extends Migration {
  override name = 'Migration20261124153741';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`shop_order\` (\`id\` varchar(36) not null, \`user_id\` varchar(36) not null, \`status\` enum('PENDING','PAID','PREPARING','SHIPPED','DELIVERED','COMPLETED','FAILED','CANCELLED') not null default 'PENDING', \`order_name\` varchar(200) not null, \`subtotal\` int not null, \`product_discount\` int not null, \`coupon_discount\` int not null, \`points_used\` int not null, \`shipping_fee\` int not null, \`total_amount\` int not null, \`coupon_id\` varchar(36) null, \`shipping_address\` json not null, \`idempotency_key\` varchar(64) not null, \`holds_settled\` tinyint(1) not null default false, \`payment_id\` varchar(36) null, \`failure_reason\` varchar(200) null, \`cancel_reason\` enum('CUSTOMER','ADMIN','EXPIRED') null, \`refunded_amount\` int not null default 0, \`expires_at\` datetime not null, \`paid_at\` datetime null, \`closed_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`shop_order\` add index \`shop_order_status_expires_at_index\` (\`status\`, \`expires_at\`);`,
    );
    this.addSql(
      `alter table \`shop_order\` add index \`shop_order_holds_settled_status_index\` (\`holds_settled\`, \`status\`);`,
    );
    this.addSql(
      `alter table \`shop_order\` add index \`shop_order_user_id_created_at_index\` (\`user_id\`, \`created_at\`);`,
    );
    this.addSql(
      `alter table \`shop_order\` add unique \`shop_order_user_id_idempotency_key_unique\` (\`user_id\`, \`idempotency_key\`);`,
    );

    this.addSql(
      `create table \`order_line\` (\`id\` varchar(36) not null, \`order_id\` varchar(36) not null, \`position\` int not null, \`sku_id\` varchar(36) not null, \`product_id\` varchar(36) not null, \`product_name\` varchar(200) not null, \`options\` json not null, \`quantity\` int not null, \`unit_price\` int not null, \`sale_price\` int not null, \`line_subtotal\` int not null, \`product_discount\` int not null, \`coupon_discount\` int not null, \`points_used\` int not null, \`paid_amount\` int not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`order_line\` add index \`order_line_order_id_index\` (\`order_id\`);`,
    );

    this.addSql(
      `create table \`outbox_event\` (\`id\` bigint unsigned not null auto_increment primary key, \`event_id\` varchar(36) not null, \`topic\` varchar(200) not null, \`key\` varchar(200) not null, \`envelope\` text not null, \`created_at\` datetime not null, \`sent_at\` datetime null, \`attempts\` int not null default 0, \`last_error\` text null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`outbox_event\` add unique \`outbox_event_event_id_unique\` (\`event_id\`);`,
    );
    this.addSql(
      `alter table \`outbox_event\` add index \`outbox_event_sent_at_index\` (\`sent_at\`);`,
    );

    this.addSql(
      `create table \`processed_event\` (\`consumer\` varchar(100) not null, \`event_id\` varchar(36) not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`event_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`shop_order\`;`);
    this.addSql(`drop table if exists \`order_line\`;`);
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
  }
}
