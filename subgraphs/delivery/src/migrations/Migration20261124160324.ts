import { Migration } from '@mikro-orm/migrations';

export class Migration20261124160324 extends Migration {
  override name = 'Migration20261124160324';

  override up(): void | Promise<void> {
    this.addSql(
      `create table \`outbox_event\` (\`id\` bigint unsigned not null auto_increment primary key, \`event_id\` varchar(36) not null, \`topic\` varchar(200) not null, \`key\` varchar(200) not null, \`envelope\` text not null, \`created_at\` datetime not null, \`sent_at\` datetime null, \`attempts\` int not null default 0, \`last_error\` text null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`outbox_event\` add unique \`outbox_event_event_id_unique\` (\`event_id\`);`,
    );
    this.addSql(
      `alter table \`outbox_event\` add index \`outbox_event_sent_at_index\` (\`sent_at\`);`,
    );

    this.addSql(
      `create table \`processed_event\` (\`consumer\` varchar(100) not null, \`event_id\` varchar(36) not null, \`processed_at\` datetime not null, primary key (\`consumer\`, \`event_id\`)) default character set utf8mb4 engine = InnoDB;`,
    );

    this.addSql(
      `create table \`shipment\` (\`id\` varchar(36) not null, \`order_id\` varchar(36) not null, \`user_id\` varchar(36) not null, \`status\` enum('READY','SHIPPED','IN_TRANSIT','OUT_FOR_DELIVERY','DELIVERED','FAILED','CANCELLED') not null default 'READY', \`carrier\` varchar(50) null, \`tracking_number\` varchar(50) null, \`shipped_at\` datetime null, \`delivered_at\` datetime null, \`last_tracked_at\` datetime null, \`created_at\` datetime not null, primary key (\`id\`)) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(`alter table \`shipment\` add unique \`shipment_order_id_unique\` (\`order_id\`);`);
    this.addSql(`alter table \`shipment\` add index \`shipment_user_id_index\` (\`user_id\`);`);
    this.addSql(
      `alter table \`shipment\` add unique \`shipment_tracking_number_unique\` (\`tracking_number\`);`,
    );
    this.addSql(
      `alter table \`shipment\` add index \`shipment_status_last_tracked_at_index\` (\`status\`, \`last_tracked_at\`);`,
    );

    this.addSql(
      `create table \`tracking_event\` (\`id\` bigint unsigned not null auto_increment primary key, \`shipment_id\` varchar(36) not null, \`carrier_event_id\` varchar(64) not null, \`status\` enum('READY','SHIPPED','IN_TRANSIT','OUT_FOR_DELIVERY','DELIVERED','FAILED','CANCELLED') not null, \`occurred_at\` datetime not null, \`location\` varchar(100) not null, \`description\` varchar(200) not null) default character set utf8mb4 engine = InnoDB;`,
    );
    this.addSql(
      `alter table \`tracking_event\` add index \`tracking_event_shipment_id_index\` (\`shipment_id\`);`,
    );
    this.addSql(
      `alter table \`tracking_event\` add unique \`tracking_event_carrier_event_id_unique\` (\`carrier_event_id\`);`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`outbox_event\`;`);
    this.addSql(`drop table if exists \`processed_event\`;`);
    this.addSql(`drop table if exists \`shipment\`;`);
    this.addSql(`drop table if exists \`tracking_event\`;`);
  }
}
