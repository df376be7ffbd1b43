import { Migration } from '@mikro-orm/migrations';

// Trimmed by hand to the partner tables: the generated diff also restated unchanged JSON and
// nullable columns (MariaDB's schema reflection), not changes of ours.
export class Migration20261124192308 extends Migration {
  override name = 'Migration20261124192308';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`partner\` (\`id\` varchar(36) not null, \`name\` varchar(100) not null, \`rate_limit_per_minute\` int not null, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`partner\` add unique \`partner_name_unique\` (\`name\`);`);

    this.addSql(
      `create table \`partner_key\` (\`id\` varchar(36) not null, \`partner_id\` varchar(36) not null, \`label\` varchar(100) not null, \`key_hash\` varchar(64) not null, \`key_prefix\` varchar(16) not null, \`scopes\` json not null, \`created_at\` datetime not null, \`revoked_at\` datetime null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`partner_key\` add index \`partner_key_partner_id_index\` (\`partner_id\`);`,
    );
    this.addSql(
      `alter table \`partner_key\` add unique \`partner_key_key_hash_unique\` (\`key_hash\`);`,
    );

    this.addSql(
      `create table \`partner_operation\` (\`id\` bigint unsigned not null auto_increment primary key, \`partner_id\` varchar(36) not null, \`operation_id\` varchar(64) not null, \`name\` varchar(200) not null, \`body\` text not null, \`root_fields\` json not null, \`registered_at\` datetime not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`partner_operation\` add unique \`partner_operation_partner_id_operation_id_unique\` (\`partner_id\`, \`operation_id\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`partner\`;`);
    this.addSql(`drop table if exists \`partner_key\`;`);
    this.addSql(`drop table if exists \`partner_operation\`;`);
  }
}
