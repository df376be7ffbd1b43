import { Migration } from '@mikro-orm/migrations';

export class Migration20261124153739 extends Migration {
  override name = 'Migration20261124153739';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`coupon\` (\`id\` varchar(36) not null, \`template_id\` varchar(36) not null, \`user_id\` varchar(36) not null, \`sequence\` int not null, \`status\` enum('ISSUED','RESERVED','USED','RESTORED','EXPIRED') not null default 'ISSUED', \`order_id\` varchar(36) null, \`issued_at\` datetime not null, \`used_at\` datetime null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`coupon\` add index \`coupon_user_id_status_index\` (\`user_id\`, \`status\`);`,
    );
    this.addSql(
      `alter table \`coupon\` add unique \`coupon_template_id_user_id_sequence_unique\` (\`template_id\`, \`user_id\`, \`sequence\`);`,
    );

    this.addSql(
      `create table \`coupon_template\` (\`id\` varchar(36) not null, \`name\` varchar(100) not null, \`kind\` enum('RATE','FIXED') not null, \`value\` int not null, \`min_order_amount\` int not null default 0, \`max_discount\` int null, \`valid_from\` datetime not null, \`valid_until\` datetime not null, \`total_limit\` int not null, \`per_customer_limit\` int not null default 1, \`issued_count\` int not null default 0, \`claimable\` tinyint(1) not null default false, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(
      `create table \`discount\` (\`id\` varchar(36) not null, \`name\` varchar(100) not null, \`target\` enum('PRODUCT','CATEGORY') not null, \`target_id\` varchar(36) not null, \`kind\` enum('RATE','FIXED') not null, \`value\` int not null, \`starts_at\` datetime not null, \`ends_at\` datetime not null, \`active\` tinyint(1) not null default true, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`discount\` add index \`discount_target_id_active_index\` (\`target_id\`, \`active\`);`,
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
    this.addSql(`drop table if exists \`coupon\`;`);
    this.addSql(`drop table if exists \`coupon_template\`;`);
    this.addSql(`drop table if exists \`discount\`;`);
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
  }
}
