import { Migration } from '@mikro-orm/migrations';

export class Migration20261124153743 extends Migration {
  override name = 'Migration20261124153743';

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
      `create table \`payment\` (\`id\` varchar(36) not null, \`order_id\` varchar(36) not null, \`user_id\` varchar(36) not null, \`payment_key\` varchar(200) not null, \`amount\` int not null, \`cancelled_amount\` int not null default 0, \`status\` enum('READY','APPROVED','PARTIALLY_CANCELLED','CANCELLED','FAILED') not null default 'READY', \`method\` varchar(50) null, \`failure_code\` varchar(100) null, \`failure_message\` varchar(500) null, \`approved_at\` datetime null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`payment\` add unique \`payment_order_id_unique\` (\`order_id\`);`);
    this.addSql(`alter table \`payment\` add index \`payment_user_id_index\` (\`user_id\`);`);

    this.addSql(
      `create table \`payment_cancel\` (\`id\` varchar(36) not null, \`payment_id\` varchar(36) not null, \`amount\` int not null, \`reason\` varchar(200) not null, \`idempotency_key\` varchar(100) not null, \`status\` enum('REQUESTED','DONE','FAILED') not null default 'REQUESTED', \`transaction_key\` varchar(200) null, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`payment_cancel\` add index \`payment_cancel_payment_id_index\` (\`payment_id\`);`,
    );
    this.addSql(
      `alter table \`payment_cancel\` add unique \`payment_cancel_idempotency_key_unique\` (\`idempotency_key\`);`,
    );

    this.addSql(
      `create table \`processed_event\` (\`consumer\` varchar(100) not null, \`event_id\` varchar(36) not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`event_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`payment\`;`);
    this.addSql(`drop table if exists \`payment_cancel\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
  }
}
