import { Migration } from '@mikro-orm/migrations';

// Trimmed by hand: the generated diff also rewrote every JSON and nullable column, which is
// MariaDB's JSON-as-longtext showing through the schema comparison, not a change of ours.
export class Migration20261124145545 extends Migration {
  override name = 'Migration20261124145545';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`sku\` add \`position\` int not null default 0;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`sku\` drop column \`position\`;`);
  }
}
