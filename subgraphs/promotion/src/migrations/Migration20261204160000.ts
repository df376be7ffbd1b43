import { Migration } from '@mikro-orm/migrations';

// A coupon template may have a code that customers type to claim it.
export class Migration20261204160000 extends Migration {
  override name = 'Migration20261204160000';

  override up(): void | Promise<void> {
    this.addSql('alter table `coupon_template` add `code` varchar(20) null;');
    this.addSql('alter table `coupon_template` add unique `coupon_template_code_unique` (`code`);');
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `coupon_template` drop index `coupon_template_code_unique`;');
    this.addSql('alter table `coupon_template` drop column `code`;');
  }
}
