import type mysql from 'mysql2/promise';
import { connectToShopDatabase } from './shop-database.js';
import type { ShopProcess } from './shop-process.js';

/**
 * The sum of a SKU's stock movements, from product's own database (the settings the shop opens it
 * with): the API pages movements (100 at most), and a sale of 100 units has 101 of them.
 */
export async function stockLedgerSum(shop: ShopProcess, skuId: string): Promise<number> {
  const connection = await connectToShopDatabase(shop, 'product');
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
