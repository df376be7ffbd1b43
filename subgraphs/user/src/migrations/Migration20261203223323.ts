import { Migration } from '@mikro-orm/migrations';

// Each order's reward and counted spend, revised by the refunds of its returns.
export class Migration20261203223323 extends Migration {
  override name = 'Migration20261203223323';

  override up(): void | Promise<void> {
    this.addSql(
      'create table `purchase_reward` (`order_id` varchar(36) not null, `user_id` varchar(36) not null, `charged` int null, `refunded_at_completion` int not null default 0, `return_refunds` int not null default 0, `points` int not null default 0, `spend` int not null default 0, `updated_at` datetime not null, primary key (`order_id`)) default character set utf8mb4 engine = InnoDB;',
    );
    this.addSql(
      'alter table `purchase_reward` add index `purchase_reward_user_id_index` (`user_id`);',
    );
    this.addSql(
      "alter table `points_entry` modify `reason` enum('ORDER_REWARD','REWARD_REVOKED','ORDER_SPEND','ORDER_REFUND','ADMIN_ADJUSTMENT') not null;",
    );
  }
}
