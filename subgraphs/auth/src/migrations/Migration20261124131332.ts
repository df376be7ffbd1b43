import { Migration } from '@mikro-orm/migrations';

export class Migration20261124131332 extends Migration {
  override name = 'Migration20261124131332';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`credential\` (\`id\` varchar(36) not null, \`email\` varchar(254) not null, \`password_hash\` varchar(255) not null, \`roles\` json not null, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`credential\` add unique \`credential_email_unique\` (\`email\`);`);

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
      `create table \`refresh_token\` (\`id\` varchar(36) not null, \`token_hash\` varchar(64) not null, \`family_id\` varchar(36) not null, \`user_id\` varchar(36) not null, \`issued_at\` datetime not null, \`expires_at\` datetime not null, \`rotated_at\` datetime null, \`revoked_at\` datetime null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`refresh_token\` add unique \`refresh_token_token_hash_unique\` (\`token_hash\`);`,
    );
    this.addSql(
      `alter table \`refresh_token\` add index \`refresh_token_family_id_index\` (\`family_id\`);`,
    );
    this.addSql(
      `alter table \`refresh_token\` add index \`refresh_token_user_id_index\` (\`user_id\`);`,
    );

    this.addSql(
      `create table \`signing_key\` (\`kid\` varchar(64) not null, \`algorithm\` varchar(16) not null, \`public_jwk\` text not null, \`private_jwk\` text not null, \`created_at\` datetime not null, \`retired_at\` datetime null, \`publish_until\` datetime null, primary key (\`kid\`)) default character set utf8mb4 engine = InnoDB;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`credential\`;`);
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
    this.addSql(`drop table if exists \`refresh_token\`;`);
    this.addSql(`drop table if exists \`signing_key\`;`);
  }
}
