import { Migration } from '@mikro-orm/migrations';

// Trimmed by hand to the two new columns and their index: the generated diff also restated
// unchanged JSON, enum and nullable columns (MariaDB's schema reflection), not changes of ours.
export class Migration20261124160322 extends Migration {
  override name = 'Migration20261124160322';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table \`shop_order\` add \`delivered_at\` datetime null, add \`completed_at\` datetime null;`,
    );
    this.addSql(
      `alter table \`shop_order\` add index \`shop_order_status_delivered_at_index\` (\`status\`, \`delivered_at\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`shop_order\` drop index \`shop_order_status_delivered_at_index\`;`);
    this.addSql(
      `alter table \`shop_order\` drop column \`delivered_at\`, drop column \`completed_at\`;`,
    );
  }
}
