import { Migration } from '@mikro-orm/migrations';

/** Reservations of paid orders cancelled before shipping end RESTOCKED. */
export class Migration20261124152600 extends Migration {
  override name = 'Migration20261124152600';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table \`reservation\` modify \`status\` enum('ACTIVE','COMMITTED','RELEASED','EXPIRED','RESTOCKED') not null default 'ACTIVE';`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(
      `alter table \`reservation\` modify \`status\` enum('ACTIVE','COMMITTED','RELEASED','EXPIRED') not null default 'ACTIVE';`,
    );
  }
}
