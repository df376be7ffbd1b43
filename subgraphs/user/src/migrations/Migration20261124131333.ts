import { Migration } from '@mikro-orm/migrations';

export class Migration20261124131333 extends Migration {
  override name = 'Migration20261124131333';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`address\` (\`id\` varchar(36) not null, \`user_id\` varchar(36) not null, \`label\` varchar(50) not null, \`recipient\` varchar(100) not null, \`phone\` varchar(32) not null, \`postal_code\` varchar(10) not null, \`line1\` varchar(200) not null, \`line2\` varchar(200) null, \`is_default\` tinyint(1) not null default false, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`address\` add index \`address_user_id_index\` (\`user_id\`);`);

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
      `create table \`points_entry\` (\`id\` bigint unsigned not null auto_increment primary key, \`user_id\` varchar(36) not null, \`delta\` int not null, \`balance_after\` int not null, \`reason\` enum('ORDER_REWARD','ORDER_SPEND','ORDER_REFUND','ADMIN_ADJUSTMENT') not null, \`reference\` varchar(64) not null, \`created_at\` datetime not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`points_entry\` add index \`points_entry_user_id_index\` (\`user_id\`);`,
    );
    this.addSql(
      `alter table \`points_entry\` add unique \`points_entry_user_id_reason_reference_unique\` (\`user_id\`, \`reason\`, \`reference\`);`,
    );

    this.addSql(
      `create table \`processed_event\` (\`consumer\` varchar(100) not null, \`event_id\` varchar(36) not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`event_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(
      `create table \`user_profile\` (\`id\` varchar(36) not null, \`email\` varchar(254) not null, \`name\` varchar(100) not null, \`phone\` varchar(32) null, \`grade\` enum('BASIC','SILVER','GOLD','VIP') not null default 'BASIC', \`points_balance\` int not null default 0, \`lifetime_spend\` bigint not null default '0', \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`user_profile\` add unique \`user_profile_email_unique\` (\`email\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`address\`;`);
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`points_entry\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
    this.addSql(`drop table if exists \`user_profile\`;`);
  }
}
