import { randomUUID } from 'node:crypto';
import type { ProductSnapshot, ProductStatus } from '@shop/contracts';

/** A small clothing-and-shoes shop: two levels of categories, four brands, 색상 and 사이즈. */
const level = (name: string) => ({ id: randomUUID(), name });
const tops = level('상의');
const bottoms = level('하의');
const shoes = level('신발');
export const categories = {
  tops,
  tees: { ...level('티셔츠'), parent: tops },
  shirts: { ...level('셔츠'), parent: tops },
  bottoms,
  shorts: { ...level('반바지'), parent: bottoms },
  jeans: { ...level('청바지'), parent: bottoms },
  shoes,
  sneakers: { ...level('운동화'), parent: shoes },
};
type Leaf = 'tees' | 'shirts' | 'shorts' | 'jeans' | 'sneakers';

export const brands = {
  basicLab: level('베이직랩'),
  urbanStep: level('어반스텝'),
  northLine: level('노스라인'),
  dailyFit: level('데일리핏'),
};
type BrandKey = keyof typeof brands;

interface Row {
  name: string;
  category: Leaf | null;
  brand: BrandKey | null;
  colors: string[];
  sizes: string[];
  /** The first size's price; each next size costs 1,000 more. */
  price: number;
  /** in: every SKU has units; out: none has; first: only the first SKU has. */
  stock: 'in' | 'out' | 'first';
  soldCount: number;
  daysOld: number;
  status?: ProductStatus;
  description?: string;
}

// prettier-ignore
const rows: Row[] = [
  { name: '남성 반팔 티셔츠', category: 'tees', brand: 'basicLab', colors: ['블랙', '화이트'], sizes: ['M', 'L'], price: 19_000, stock: 'in', soldCount: 120, daysOld: 30, description: '매일 입기 좋은 면 소재' },
  { name: '남성 긴팔 티셔츠', category: 'tees', brand: 'basicLab', colors: ['블랙', '네이비'], sizes: ['M', 'L'], price: 25_000, stock: 'in', soldCount: 40, daysOld: 20 },
  { name: '오버핏 티셔츠', category: 'tees', brand: 'dailyFit', colors: ['화이트', '그레이'], sizes: ['M', 'L', 'XL'], price: 22_000, stock: 'in', soldCount: 75, daysOld: 10 },
  { name: '스트라이프 티셔츠', category: 'tees', brand: 'dailyFit', colors: ['네이비'], sizes: ['M', 'L'], price: 21_000, stock: 'in', soldCount: 25, daysOld: 18 },
  { name: "Men's Cotton T-Shirt", category: 'tees', brand: 'northLine', colors: ['블랙', '화이트'], sizes: ['M', 'L'], price: 29_000, stock: 'in', soldCount: 90, daysOld: 15 },
  { name: 'Graphic Tee', category: 'tees', brand: 'urbanStep', colors: ['블랙'], sizes: ['L', 'XL'], price: 27_000, stock: 'out', soldCount: 5, daysOld: 2 },
  { name: '여성 반팔 블라우스', category: 'shirts', brand: 'dailyFit', colors: ['화이트'], sizes: ['S', 'M'], price: 32_000, stock: 'in', soldCount: 15, daysOld: 5 },
  { name: '여성 긴팔 셔츠', category: 'shirts', brand: 'northLine', colors: ['화이트', '블루'], sizes: ['S', 'M'], price: 39_000, stock: 'in', soldCount: 60, daysOld: 40 },
  { name: '옥스포드 셔츠', category: 'shirts', brand: 'northLine', colors: ['블루'], sizes: ['M', 'L'], price: 45_000, stock: 'out', soldCount: 33, daysOld: 50 },
  { name: '린넨 셔츠', category: 'shirts', brand: 'urbanStep', colors: ['베이지'], sizes: ['M', 'L'], price: 49_000, stock: 'in', soldCount: 8, daysOld: 3 },
  { name: "Women's Linen Shirt", category: 'shirts', brand: 'urbanStep', colors: ['베이지', '화이트'], sizes: ['S', 'M'], price: 52_000, stock: 'in', soldCount: 12, daysOld: 7 },
  { name: '데님 셔츠', category: 'shirts', brand: 'urbanStep', colors: ['블루'], sizes: ['M', 'L'], price: 47_000, stock: 'in', soldCount: 16, daysOld: 19 },
  { name: '남성 면 반바지', category: 'shorts', brand: 'basicLab', colors: ['네이비', '베이지'], sizes: ['M', 'L'], price: 24_000, stock: 'in', soldCount: 55, daysOld: 25 },
  { name: '여성 데님 반바지', category: 'shorts', brand: 'dailyFit', colors: ['블루'], sizes: ['S', 'M'], price: 29_000, stock: 'in', soldCount: 35, daysOld: 12 },
  { name: '린넨 반바지', category: 'shorts', brand: 'urbanStep', colors: ['베이지'], sizes: ['M', 'L'], price: 31_000, stock: 'first', soldCount: 18, daysOld: 8 },
  { name: '카고 반바지', category: 'shorts', brand: 'northLine', colors: ['카키'], sizes: ['M', 'L'], price: 35_000, stock: 'in', soldCount: 27, daysOld: 22 },
  { name: 'Cotton Shorts', category: 'shorts', brand: 'basicLab', colors: ['베이지'], sizes: ['M', 'L'], price: 26_000, stock: 'in', soldCount: 19, daysOld: 6 },
  { name: '슬림핏 청바지', category: 'jeans', brand: 'northLine', colors: ['블루', '블랙'], sizes: ['30', '32'], price: 59_000, stock: 'in', soldCount: 70, daysOld: 60 },
  { name: '와이드 청바지', category: 'jeans', brand: 'dailyFit', colors: ['블루'], sizes: ['28', '30'], price: 55_000, stock: 'in', soldCount: 44, daysOld: 35 },
  { name: 'Denim Jeans', category: 'jeans', brand: 'urbanStep', colors: ['블루'], sizes: ['30', '32'], price: 69_000, stock: 'in', soldCount: 21, daysOld: 45 },
  { name: '경량 러닝화', category: 'sneakers', brand: 'urbanStep', colors: ['블랙', '화이트'], sizes: ['260', '270'], price: 89_000, stock: 'in', soldCount: 150, daysOld: 70 },
  { name: '트레일 러닝화', category: 'sneakers', brand: 'urbanStep', colors: ['그레이'], sizes: ['260', '270'], price: 109_000, stock: 'in', soldCount: 42, daysOld: 28 },
  { name: '캔버스 운동화', category: 'sneakers', brand: 'basicLab', colors: ['화이트'], sizes: ['250', '260'], price: 45_000, stock: 'in', soldCount: 95, daysOld: 80 },
  { name: '캔버스 운동화', category: 'sneakers', brand: 'urbanStep', colors: ['블랙'], sizes: ['260', '270'], price: 42_000, stock: 'in', soldCount: 14, daysOld: 16 },
  { name: '남성 운동화', category: 'sneakers', brand: 'northLine', colors: ['블랙'], sizes: ['260', '270', '280'], price: 79_000, stock: 'in', soldCount: 65, daysOld: 90 },
  { name: 'Running Shoes', category: 'sneakers', brand: 'northLine', colors: ['블랙', '블루'], sizes: ['260', '270'], price: 99_000, stock: 'in', soldCount: 30, daysOld: 14 },
  { name: '하이탑 스니커즈', category: 'sneakers', brand: 'dailyFit', colors: ['화이트'], sizes: ['250'], price: 65_000, stock: 'out', soldCount: 80, daysOld: 100, status: 'SOLD_OUT' },
  { name: '샤워 슬리퍼', category: null, brand: null, colors: ['그레이'], sizes: ['260'], price: 9_000, stock: 'in', soldCount: 10, daysOld: 11 },
  { name: '비공개 반팔 티셔츠', category: 'tees', brand: 'basicLab', colors: ['블랙'], sizes: ['M'], price: 9_000, stock: 'in', soldCount: 500, daysOld: 1, status: 'HIDDEN' },
  { name: '출시 예정 반팔 티셔츠', category: 'tees', brand: 'basicLab', colors: ['화이트'], sizes: ['M'], price: 9_900, stock: 'in', soldCount: 0, daysOld: 0, status: 'DRAFT' },
];

const now = Date.parse('2026-11-01T00:00:00Z');
const day = 86_400_000;

function snapshotOf(row: Row): ProductSnapshot {
  const leaf = row.category ? categories[row.category] : null;
  const skus = row.colors.flatMap((color) =>
    row.sizes.map((size, i) => ({ color, size, price: row.price + i * 1_000 })),
  );
  return {
    id: randomUUID(),
    revision: 1,
    name: row.name,
    description: row.description ?? '',
    status: row.status ?? 'ACTIVE',
    brand: row.brand ? brands[row.brand] : null,
    category: leaf
      ? { id: leaf.id, name: leaf.name, path: [leaf.parent, { id: leaf.id, name: leaf.name }] }
      : null,
    images: [`https://images.example/${encodeURIComponent(row.name)}.jpg`],
    optionGroups: [
      { name: '색상', values: row.colors },
      { name: '사이즈', values: row.sizes },
    ],
    skus: skus.map((sku, i) => ({
      id: randomUUID(),
      code: `SKU-${i}`,
      price: sku.price,
      available: row.stock === 'in' || (row.stock === 'first' && i === 0) ? 5 : 0,
      enabled: true,
      options: { 색상: sku.color, 사이즈: sku.size },
    })),
    soldCount: row.soldCount,
    createdAt: new Date(now - row.daysOld * day).toISOString(),
    updatedAt: new Date(now).toISOString(),
  };
}

/** Fresh ids every call, so each suite has its own products. */
export function catalogFixture(): ProductSnapshot[] {
  const products = rows.map(snapshotOf);
  // A SKU taken off sale: its colour, price and stock must not count anywhere.
  const tee = products[0]!;
  tee.skus.push({
    id: randomUUID(),
    code: 'SKU-RED',
    price: 5_000,
    available: 9,
    enabled: false,
    options: { 색상: '레드', 사이즈: 'M' },
  });
  return products;
}

export const isVisible = (product: ProductSnapshot) =>
  product.status === 'ACTIVE' || product.status === 'SOLD_OUT';
