import { Migration } from '@mikro-orm/migrations';

// Sales and refunds booked per order line with its brand (brand statements), and return fees.
export class Migration20261124193000 extends Migration {
  override name = 'Migration20261124193000';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table \`ledger_entry\` modify \`kind\` enum('SALE','PRODUCT_DISCOUNT','COUPON_DISCOUNT','POINTS','SHIPPING','REFUND','RETURN_FEE','PG_FEE') not null;`,
    );
    this.addSql(
      `alter table \`ledger_entry\` add \`line_id\` varchar(36) null after \`order_id\`, add \`brand_id\` varchar(36) null after \`line_id\`;`,
    );
    this.addSql(
      `alter table \`ledger_entry\` add index \`ledger_entry_business_date_brand_id_index\` (\`business_date\`, \`brand_id\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table \`ledger_entry\` drop index \`ledger_entry_business_date_brand_id_index\`;`,
    );
    this.addSql(`alter table \`ledger_entry\` drop column \`line_id\`, drop column \`brand_id\`;`);
    this.addSql(
      `alter table \`ledger_entry\` modify \`kind\` enum('SALE','PRODUCT_DISCOUNT','COUPON_DISCOUNT','POINTS','SHIPPING','REFUND','PG_FEE') not null;`,
    );
  }
}
