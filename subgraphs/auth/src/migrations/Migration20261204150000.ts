import { Migration } from '@mikro-orm/migrations';

// The audit log: every staff mutation of every subgraph (StaffActionRecorded).
export class Migration20261204150000 extends Migration {
  override name = 'Migration20261204150000';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`staff_action\` (\`id\` bigint unsigned not null auto_increment primary key, \`actor_id\` varchar(36) not null, \`actor_roles\` varchar(100) not null, \`service\` varchar(20) not null, \`action\` varchar(100) not null, \`subject_id\` varchar(100) null, \`input\` text not null, \`outcome\` varchar(50) not null, \`before\` text null, \`after\` text null, \`at\` datetime(3) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`staff_action\` add index \`staff_action_at_index\` (\`at\`);`);
    this.addSql(
      `alter table \`staff_action\` add index \`staff_action_actor_id_at_index\` (\`actor_id\`, \`at\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`staff_action\`;`);
  }
}
