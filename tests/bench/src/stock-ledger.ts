import mysql from 'mysql2/promise';
import type { ShopProcess } from './shop-process.js';

/**
 * The sum of a SKU's stock movements, from product's own database: the API pages movements (100
 * at most), and a sale of 100 units has 101 of them.
 */
export async function stockLedgerSum(shop: ShopProcess, skuId: string): Promise<number> {
  const { env } = shop;
  const connection = await mysql.createConnection({
    host: env.SHOP_MYSQL_HOST ?? '127.0.0.1',
    port: Number(env.SHOP_MYSQL_PORT ?? 3306),
    user: env.SHOP_DB_USER_PRODUCT,
    password: env.SHOP_DB_PASSWORD_PRODUCT,
    database: env.SHOP_DB_NAME_PRODUCT ?? 'shop_product',
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
