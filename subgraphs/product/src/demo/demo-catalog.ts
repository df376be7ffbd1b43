import type { ProductStatus } from '@shop/contracts';
import { placeholderImageUrl, placeholderViews } from './placeholder-image.js';
import { SeededRandom } from './random.js';
import {
  brandNames,
  parentCategories,
  vocabulary,
  type CategoryVocabulary,
  type NameLine,
} from './vocabulary.js';

export interface DemoCategory {
  key: string;
  name: string;
  slug: string;
  parentKey: string | null;
}

export interface DemoBrand {
  key: string;
  name: string;
  slug: string;
}

export interface DemoProduct {
  key: string;
  name: string;
  description: string;
  brandKey: string;
  categoryKey: string;
  status: ProductStatus;
  basePrice: number;
  images: string[];
  optionGroups: { name: string; values: string[] }[];
  /** One per combination of the option groups, in their order. */
  skus: { options: Record<string, string>; price: number; stock: number }[];
}

export interface DemoCatalog {
  categories: DemoCategory[];
  brands: DemoBrand[];
  products: DemoProduct[];
}

const skusPerProduct = 5;
/** Each product shows 2 to this many pictures, as many views as the placeholders draw. */
const imagesAtMost = placeholderViews.length;
const editions = [
  '베이직',
  '프리미엄',
  '에센셜',
  '시그니처',
  '데일리',
  '클래식',
  '스탠다드',
  '라이트',
];

const roundTo100 = (won: number) => Math.round(won / 100) * 100;
const combinationCount = (groups: { values: string[] }[]) =>
  groups.reduce((count, group) => count * group.values.length, 1);

function cartesian(groups: { name: string; values: string[] }[]): Record<string, string>[] {
  let combinations: Record<string, string>[] = [{}];
  for (const group of groups)
    combinations = combinations.flatMap((partial) =>
      group.values.map((value) => ({ ...partial, [group.name]: value })),
    );
  return combinations;
}

/** A name of one line's words, so its opening words suit its noun. */
const nameFrom = (line: NameLine, pick: (words: string[]) => string) =>
  `${pick(line.prefixes)} ${pick(line.nouns)}`;

function statusOf(random: SeededRandom): ProductStatus {
  const roll = random.next();
  if (roll < 0.02) return 'DRAFT';
  if (roll < 0.04) return 'HIDDEN';
  if (roll < 0.06) return 'SOLD_OUT';
  return 'ACTIVE';
}

/** Picks option values per group; the total is trimmed or topped up afterwards to the target. */
function optionGroupsFor(category: CategoryVocabulary, random: SeededRandom) {
  return category.options.map((option) => ({
    name: option.name,
    values: random.sample(option.values, random.int(option.pick[0], option.pick[1])),
    all: option.values,
  }));
}

/**
 * Grows or shrinks products' option groups, one value at a time in product order, until the SKUs
 * add up to `target`. A step is taken only if it brings the total closer, so it settles; products
 * with a single option group move in steps of one, so it settles exactly.
 */
function balanceSkus(
  drafts: { groups: { name: string; values: string[]; all: string[] }[] }[],
  target: number,
) {
  let total = drafts.reduce((sum, draft) => sum + combinationCount(draft.groups), 0);
  for (let pass = 0; pass < 10 && total !== target; pass++) {
    for (const draft of drafts) {
      if (total === target) break;
      const grow = total < target;
      const group = draft.groups.find((candidate) =>
        grow ? candidate.values.length < candidate.all.length : candidate.values.length > 1,
      );
      if (!group) continue;
      const before = combinationCount(draft.groups);
      const previous = group.values;
      const added = group.all.find((value) => !previous.includes(value));
      group.values = grow
        ? group.all.filter((value) => previous.includes(value) || value === added)
        : previous.slice(0, -1);
      const next = total - before + combinationCount(draft.groups);
      if (Math.abs(target - next) >= Math.abs(target - total)) group.values = previous;
      else total = next;
    }
  }
}

/**
 * The demo shop's catalogue, the same on every run: about `products` products across sixteen
 * leaf categories, each by a brand that makes its category, with 2 to 4 pictures and five SKUs on
 * average, some sold out, a few not on sale.
 */
export function generateDemoCatalog(options: { products?: number } = {}): DemoCatalog {
  const count = options.products ?? 2000;
  const random = new SeededRandom(20_261_124);
  const categories: DemoCategory[] = [
    ...parentCategories.map((parent) => ({ ...parent, parentKey: null })),
    ...vocabulary.map((leaf) => ({
      key: leaf.key,
      name: leaf.name,
      slug: leaf.slug,
      parentKey: leaf.parent.key,
    })),
  ];
  const brands: DemoBrand[] = brandNames.map((name, i) => ({
    key: `b${String(i + 1).padStart(2, '0')}`,
    name,
    slug: `brand-${i + 1}`,
  }));
  const brandKeyOf = new Map(brands.map((brand) => [brand.name, brand.key]));

  const names = new Set<string>();
  const drafts = Array.from({ length: count }, (_, i) => {
    const category = vocabulary[i % vocabulary.length]!;
    const round = Math.floor(i / vocabulary.length);
    const base =
      round === 0
        ? nameFrom(category.lines[0]!, (words) => words[0]!)
        : category.englishNames && random.chance(0.15)
          ? random.pick(category.englishNames)
          : nameFrom(random.pick(category.lines), (words) => random.pick(words));
    let name = base;
    // Repeated names become editions of one line: 남성 반팔 티셔츠 베이직 1, … 프리미엄 1, …
    for (let edition = 0; names.has(name); edition++)
      name = `${base} ${editions[edition % editions.length]} ${Math.floor(edition / editions.length) + 1}`;
    names.add(name);
    return { i, category, name, groups: optionGroupsFor(category, random) };
  });
  balanceSkus(drafts, count * skusPerProduct);

  const products = drafts.map(({ i, category, name, groups }): DemoProduct => {
    const key = `p${String(i + 1).padStart(4, '0')}`;
    const [min, max] = category.price;
    // Cheaper goods are more common: square the uniform draw.
    const basePrice = roundTo100(min + (max - min) * random.next() ** 2);
    const optionGroups = groups.map(({ name: groupName, values }) => ({ name: groupName, values }));
    const surchargeGroup = category.stepSurcharge ? groups[0] : undefined;
    return {
      key,
      name,
      description: random.pick(category.descriptions),
      brandKey: brandKeyOf.get(random.pick(category.brands))!,
      categoryKey: category.key,
      status: statusOf(random),
      basePrice,
      images: Array.from({ length: random.int(2, imagesAtMost) }, (_, index) =>
        placeholderImageUrl(key, index + 1),
      ),
      optionGroups,
      skus: cartesian(optionGroups).map((options) => ({
        options,
        price: surchargeGroup
          ? basePrice +
            surchargeGroup.all.indexOf(options[surchargeGroup.name]!) * category.stepSurcharge!
          : basePrice,
        stock: random.chance(0.15) ? 0 : random.int(1, 200),
      })),
    };
  });
  return { categories, brands, products };
}
