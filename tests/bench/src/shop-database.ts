import mysql from 'mysql2/promise';
import { databaseConfigSchema } from '@shop/kit/db';
import type { ShopProcess } from './shop-process.js';

/** A connection to one service's database, with the settings the running shop opens it with. */
export async function connectToShopDatabase(
  shop: ShopProcess,
  service: string,
): Promise<mysql.Connection> {
  const config = databaseConfigSchema(service).parse(shop.env);
  if (config.kind !== 'mysql') throw new Error('the bench runs on the real services');
  return mysql.createConnection({
    host: config.host,
    port: config.port,
    user: config.user,
    password: config.password,
    database: config.dbName,
  });
}
