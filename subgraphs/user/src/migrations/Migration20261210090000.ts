import { Migration } from '@mikro-orm/migrations';

// An administrator's points adjustment keeps the reason they gave, for the history to show.
export class Migration20261210090000 extends Migration {
  override name = 'Migration20261210090000';

  override up(): void | Promise<void> {
    this.addSql('alter table `points_entry` add `note` varchar(200) null;');
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `points_entry` drop column `note`;');
  }
}
