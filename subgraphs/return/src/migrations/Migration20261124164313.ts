import { Migration } from '@mikro-orm/migrations';

// Trimmed by hand to the new table: the generated diff also restated unchanged enum and nullable
// columns (MariaDB's schema reflection), not changes of ours.
export class Migration20261124164313 extends Migration {
  override name = 'Migration20261124164313';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`returnable_line\` (\`order_line_id\` varchar(36) not null, \`ordered\` int not null, \`returned\` int not null default 0, primary key (\`order_line_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`returnable_line\`;`);
  }
}
