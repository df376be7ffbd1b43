import { Migration } from '@mikro-orm/migrations';

export class Migration20261124161051 extends Migration {
  override name = 'Migration20261124161051';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`ledger_entry\` (\`id\` bigint unsigned not null auto_increment primary key, \`source\` varchar(100) not null, \`kind\` enum('SALE','PRODUCT_DISCOUNT','COUPON_DISCOUNT','POINTS','SHIPPING','REFUND','PG_FEE') not null, \`order_id\` varchar(36) not null, \`amount\` int not null, \`business_date\` varchar(10) not null, \`occurred_at\` datetime not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`ledger_entry\` add index \`ledger_entry_order_id_index\` (\`order_id\`);`,
    );
    this.addSql(
      `alter table \`ledger_entry\` add index \`ledger_entry_business_date_kind_index\` (\`business_date\`, \`kind\`);`,
    );
    this.addSql(
      `alter table \`ledger_entry\` add unique \`ledger_entry_source_kind_unique\` (\`source\`, \`kind\`);`,
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
    this.addSql(`drop table if exists \`ledger_entry\`;`);
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
  }
}
