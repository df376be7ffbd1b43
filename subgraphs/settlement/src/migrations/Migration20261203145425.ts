import { Migration } from '@mikro-orm/migrations';

// Unsold charges: a charge the PG took that never paid an order, booked with its void.
export class Migration20261203145425 extends Migration {
  override name = 'Migration20261203145425';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table \`ledger_entry\` modify \`kind\` enum('SALE','PRODUCT_DISCOUNT','COUPON_DISCOUNT','POINTS','SHIPPING','REFUND','RETURN_FEE','PG_FEE','UNSOLD_CHARGE') not null;`,
    );
  }

  override down(): void | Promise<void> {
    // Fails while an UNSOLD_CHARGE row remains: the books would lose it.
    this.addSql(
      `alter table \`ledger_entry\` modify \`kind\` enum('SALE','PRODUCT_DISCOUNT','COUPON_DISCOUNT','POINTS','SHIPPING','REFUND','RETURN_FEE','PG_FEE') not null;`,
    );
  }
}
