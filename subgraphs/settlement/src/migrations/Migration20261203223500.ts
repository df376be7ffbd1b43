import { Migration } from '@mikro-orm/migrations';

// Brand payouts: lines payable to their brand once the order is confirmed (the orders' locks and
// confirmations beside them), and commission rates.
export class Migration20261203223500 extends Migration {
  override name = 'Migration20261203223500';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`payable_entry\` (\`id\` bigint unsigned not null auto_increment primary key, \`source\` varchar(100) not null, \`kind\` enum('CONFIRMED','REFUND_AFTER_CONFIRMATION') not null, \`order_id\` varchar(36) not null, \`line_id\` varchar(36) not null, \`brand_id\` varchar(36) null, \`amount\` int not null, \`rate_basis_points\` int not null, \`commission\` int not null, \`business_date\` varchar(10) not null, \`occurred_at\` datetime not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`payable_entry\` add index \`payable_entry_order_id_index\` (\`order_id\`);`,
    );
    this.addSql(
      `alter table \`payable_entry\` add index \`payable_entry_business_date_brand_id_index\` (\`business_date\`, \`brand_id\`);`,
    );
    this.addSql(
      `alter table \`payable_entry\` add unique \`payable_entry_source_line_id_unique\` (\`source\`, \`line_id\`);`,
    );

    this.addSql(
      `create table \`payable_order\` (\`order_id\` varchar(36) not null, \`confirmed_at\` datetime null, primary key (\`order_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(
      `create table \`brand_commission\` (\`brand_id\` varchar(36) not null, \`rate_basis_points\` int not null, \`updated_at\` datetime not null, primary key (\`brand_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`payable_entry\`;`);
    this.addSql(`drop table if exists \`payable_order\`;`);
    this.addSql(`drop table if exists \`brand_commission\`;`);
  }
}
