import { Migration } from '@mikro-orm/migrations';

// The outbox keeps the trace context each event was recorded in, for the relay to send it on.
export class Migration20261204050000 extends Migration {
  override name = 'Migration20261204050000';

  override up(): void | Promise<void> {
    this.addSql('alter table `outbox_event` add `headers` text null;');
  }

  override down(): void | Promise<void> {
    this.addSql('alter table `outbox_event` drop column `headers`;');
  }
}
