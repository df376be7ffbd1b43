import { Migration } from '@mikro-orm/migrations';

export class Migration20261124162215 extends Migration {
  override name = 'Migration20261124162215';

  override up(): void | Promise<void> {
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

    this.addSql(
      `create table \`shop_return\` (\`id\` varchar(36) not null, \`order_id\` varchar(36) not null, \`user_id\` varchar(36) not null, \`type\` enum('RETURN','EXCHANGE') not null, \`reason\` enum('CHANGED_MIND','DEFECTIVE','WRONG_ITEM') not null, \`status\` enum('REQUESTED','APPROVED','REJECTED','COLLECTING','RECEIVED','REFUNDED','RESHIPPED') not null default 'REQUESTED', \`shipping_fee\` int not null default 0, \`refunded_amount\` int not null default 0, \`pickup_tracking_number\` varchar(50) null, \`reship_tracking_number\` varchar(50) null, \`created_at\` datetime not null, \`closed_at\` datetime null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`shop_return\` add index \`shop_return_user_id_index\` (\`user_id\`);`,
    );
    this.addSql(
      `alter table \`shop_return\` add index \`shop_return_order_id_index\` (\`order_id\`);`,
    );
    this.addSql(
      `alter table \`shop_return\` add index \`shop_return_status_created_at_index\` (\`status\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`return_line\` (\`id\` bigint unsigned not null auto_increment primary key, \`return_id\` varchar(36) not null, \`order_line_id\` varchar(36) not null, \`sku_id\` varchar(36) not null, \`quantity\` int not null, \`refund_amount\` int not null, \`points_amount\` int not null default 0, \`exchange_sku_id\` varchar(36) null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`return_line\` add index \`return_line_return_id_index\` (\`return_id\`);`,
    );
    this.addSql(
      `alter table \`return_line\` add index \`return_line_order_line_id_index\` (\`order_line_id\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
    this.addSql(`drop table if exists \`shop_return\`;`);
    this.addSql(`drop table if exists \`return_line\`;`);
  }
}
