import { Migration } from '@mikro-orm/migrations';

// The returned line's brand, which its refund is stated against in settlement.
export class Migration20261124193000 extends Migration {
  override name = 'Migration20261124193000';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table \`return_line\` add \`brand_id\` varchar(36) null after \`order_line_id\`;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`return_line\` drop column \`brand_id\`;`);
  }
}
