import { Migration } from '@mikro-orm/migrations';

// Each line's brand, for settlement's brand statements; lines from before it have none.
export class Migration20261124193000 extends Migration {
  override name = 'Migration20261124193000';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table \`order_line\` add \`brand_id\` varchar(36) null after \`product_name\`;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`order_line\` drop column \`brand_id\`;`);
  }
}
