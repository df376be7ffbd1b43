import { Migration } from '@mikro-orm/migrations';

// Trimmed by hand to the new table: the generated diff also restated unchanged nullable and enum
// columns, which is MariaDB's schema reflection showing through, not a change of ours.
export class Migration20261124151953 extends Migration {
  override name = 'Migration20261124151953';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`points_hold\` (\`order_id\` varchar(36) not null, \`user_id\` varchar(36) not null, \`amount\` int not null, \`status\` enum('HELD','USED','RELEASED','RESTORED') not null default 'HELD', \`created_at\` datetime not null, \`settled_at\` datetime null, primary key (\`order_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`points_hold\` add index \`points_hold_user_id_index\` (\`user_id\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`points_hold\`;`);
  }
}
