import { Migration } from '@mikro-orm/migrations';

// SHORT: a paid order's reservation expired before it was committed and its units were sold again.
export class Migration20261203180000 extends Migration {
  override name = 'Migration20261203180000';

  override up(): void | Promise<void> {
    this.addSql(
      "alter table `reservation` modify `status` enum('ACTIVE','COMMITTED','RELEASED','EXPIRED','RESTOCKED','SHORT') not null default 'ACTIVE';",
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      "alter table `reservation` modify `status` enum('ACTIVE','COMMITTED','RELEASED','EXPIRED','RESTOCKED') not null default 'ACTIVE';",
    );
  }
}
