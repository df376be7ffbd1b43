import { Migration } from '@mikro-orm/migrations';

// An order's page reads the staff actions on the order, its shipments and its returns.
export class Migration20261204180000 extends Migration {
  override name = 'Migration20261204180000';

  override up(): void | Promise<void> {
    this.addSql(
      'alter table `staff_action` add index `staff_action_subject_id_at_index` (`subject_id`, `at`);',
    );
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `staff_action` drop index `staff_action_subject_id_at_index`;');
  }
}
