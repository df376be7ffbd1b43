import { Migration } from '@mikro-orm/migrations';

export class Migration20261124144236 extends Migration {
  override name = 'Migration20261124144236';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`brand\` (\`id\` varchar(36) not null, \`name\` varchar(100) not null, \`slug\` varchar(100) not null, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`brand\` add unique \`brand_slug_unique\` (\`slug\`);`);

    this.addSql(
      `create table \`category\` (\`id\` varchar(36) not null, \`name\` varchar(100) not null, \`slug\` varchar(100) not null, \`parent_id\` varchar(36) null, \`position\` int not null default 0, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`category\` add unique \`category_slug_unique\` (\`slug\`);`);
    this.addSql(`alter table \`category\` add index \`category_parent_id_index\` (\`parent_id\`);`);

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
      `create table \`product\` (\`id\` varchar(36) not null, \`name\` varchar(200) not null, \`description\` text not null default (''), \`status\` enum('DRAFT','ACTIVE','HIDDEN','SOLD_OUT') not null default 'DRAFT', \`brand_id\` varchar(36) null, \`category_id\` varchar(36) null, \`images\` json not null, \`option_groups\` json not null, \`revision\` int not null default 1, \`sold_count\` int not null default 0, \`idempotency_key\` varchar(64) null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`product\` add index \`product_brand_id_index\` (\`brand_id\`);`);
    this.addSql(
      `alter table \`product\` add index \`product_category_id_index\` (\`category_id\`);`,
    );
    this.addSql(
      `alter table \`product\` add unique \`product_idempotency_key_unique\` (\`idempotency_key\`);`,
    );
    this.addSql(
      `alter table \`product\` add index \`product_status_created_at_index\` (\`status\`, \`created_at\`);`,
    );

    this.addSql(
      `create table \`reservation\` (\`id\` bigint unsigned not null auto_increment primary key, \`order_id\` varchar(36) not null, \`sku_id\` varchar(36) not null, \`quantity\` int not null, \`status\` enum('ACTIVE','COMMITTED','RELEASED','EXPIRED') not null default 'ACTIVE', \`expires_at\` datetime not null, \`created_at\` datetime not null, \`settled_at\` datetime null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`reservation\` add index \`reservation_order_id_index\` (\`order_id\`);`,
    );
    this.addSql(
      `alter table \`reservation\` add index \`reservation_status_expires_at_index\` (\`status\`, \`expires_at\`);`,
    );
    this.addSql(
      `alter table \`reservation\` add unique \`reservation_order_id_sku_id_unique\` (\`order_id\`, \`sku_id\`);`,
    );

    this.addSql(
      `create table \`sku\` (\`id\` varchar(36) not null, \`product_id\` varchar(36) not null, \`code\` varchar(64) not null, \`combination\` varchar(255) not null default '', \`options\` json not null, \`price\` int not null, \`on_hand\` int not null default 0, \`reserved\` int not null default 0, \`enabled\` tinyint(1) not null default true, \`sellable\` tinyint(1) not null default false, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`sku\` add index \`sku_product_id_index\` (\`product_id\`);`);
    this.addSql(`alter table \`sku\` add unique \`sku_code_unique\` (\`code\`);`);
    this.addSql(
      `alter table \`sku\` add unique \`sku_product_id_combination_unique\` (\`product_id\`, \`combination\`);`,
    );

    this.addSql(
      `create table \`stock_movement\` (\`id\` bigint unsigned not null auto_increment primary key, \`sku_id\` varchar(36) not null, \`kind\` enum('RECEIVED','SOLD','RESTOCKED','ADJUSTED') not null, \`quantity\` int not null, \`reference\` varchar(64) not null, \`note\` varchar(200) null, \`created_at\` datetime not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`stock_movement\` add index \`stock_movement_sku_id_index\` (\`sku_id\`);`,
    );
    this.addSql(
      `alter table \`stock_movement\` add unique \`stock_movement_sku_id_kind_reference_unique\` (\`sku_id\`, \`kind\`, \`reference\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`brand\`;`);
    this.addSql(`drop table if exists \`category\`;`);
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
    this.addSql(`drop table if exists \`product\`;`);
    this.addSql(`drop table if exists \`reservation\`;`);
    this.addSql(`drop table if exists \`sku\`;`);
    this.addSql(`drop table if exists \`stock_movement\`;`);
  }
}
