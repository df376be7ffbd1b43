import mysql from 'mysql2/promise';
import { databaseConfigSchema } from '@shop/kit/db';
import type { ShopProcess } from './shop-process.js';

/**
 * The sum of a SKU's stock movements, from product's own database (the settings the shop opens it
 * with): the API pages movements (100 at most), and a sale of 100 units has 101 of them.
 */
export async function stockLedgerSum(shop: ShopProcess, skuId: string): Promise<number> {
  const config = databaseConfigSchema('product').parse(shop.env);
  if (config.kind !== 'mysql') throw new Error('the bench runs on the real services');
  const connection = await mysql.createConnection({
    host: config.host,
    port: config.port,
    user: config.user,
    password: config.password,
    database: config.dbName,
  });
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>(
      'select coalesce(sum(quantity), 0) as total from stock_movement where sku_id = ?',
      [skuId],
    );
    return Number(rows[0]!.total);
  } finally {
    await connection.end();
  }
}
