/**
 * Where a size stands: letter sizes smallest first (XXS, XS, S, M, L, XL, 2XL = XXL, 3XL…), then
 * one-size, then numbers (95, 100, 230…) ascending. Undefined for a value that is not a size.
 */
function sizeRank(value: string): [group: number, position: number] | undefined {
  const size = value.trim().toUpperCase();
  if (size === 'M') return [0, 0];
  const lettered = /^(\d+)?(X*)([SL])$/.exec(size);
  if (lettered) {
    const xs = lettered[1] ? Number(lettered[1]) : lettered[2]!.length;
    return [0, lettered[3] === 'S' ? -(xs + 1) : xs + 1];
  }
  if (/^(F|FREE|ONE ?SIZE|프리)$/.test(size)) return [1, 0];
  if (/^\d+(\.\d+)?$/.test(size)) return [2, Number(size)];
  return undefined;
}

const sizeGroupName = /사이즈|치수|size/i;

/**
 * A size group's values in size order, so S, M, L read as a shopper expects rather than by how
 * many products have each; any other group (colours, say) keeps the order it came in. A group is
 * one of sizes by its name, or when every value is a size.
 */
export function inSizeOrder<Value extends { value: string }>(
  group: string,
  values: readonly Value[],
): Value[] {
  const ranked = values.map((value, index) => ({ value, index, rank: sizeRank(value.value) }));
  if (!sizeGroupName.test(group) && ranked.some((entry) => !entry.rank)) return [...values];
  return ranked
    .sort((a, b) => {
      if (!a.rank || !b.rank) return (a.rank ? -1 : b.rank ? 1 : 0) || a.index - b.index;
      return a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.index - b.index;
    })
    .map((entry) => entry.value);
}
