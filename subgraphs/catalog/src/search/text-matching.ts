/**
 * Words, character bigrams and typo budgets for the in-memory index, tuned for Korean and English
 * product names. The OpenSearch mapping does the same with nori, n-grams and fuzziness.
 */

/**
 * Lowercased words, split on anything that is not a letter or digit; a hyphenated or apostrophised
 * word also yields its joined form ("T-Shirt" → t, shirt, tshirt), so either spelling finds it.
 */
export function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  const words = new Set(lower.split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  for (const chunk of lower.split(/\s+/)) {
    const joined = chunk.replace(/[^\p{L}\p{N}]+/gu, '');
    if (joined) words.add(joined);
  }
  return [...words];
}

const hangul = /\p{Script=Hangul}/u;

/**
 * The distinct two-syllable pieces of a Hangul word. They find partial words ("티셔" in "티셔츠")
 * and words spaced differently ("반팔티셔츠" and "반팔 티셔츠" share most of theirs). Latin words
 * have none: their letter pairs are too common to mean a match (they match by prefix instead).
 */
export function bigramsOf(word: string): string[] {
  if (!hangul.test(word)) return [];
  const grams = new Set<string>();
  for (let i = 0; i < word.length - 1; i++) grams.add(word.slice(i, i + 2));
  return [...grams];
}

/**
 * Typos forgiven in a query word: as OpenSearch's `fuzziness: AUTO:3,7` for Latin words; one for
 * Hangul words of three syllables or more (a syllable carries as much as a short Latin word).
 */
export function typoBudget(word: string): number {
  if (hangul.test(word)) return word.length >= 3 ? 1 : 0;
  if (word.length >= 7) return 2;
  return word.length >= 3 ? 1 : 0;
}

/**
 * Whether two words are at most `limit` edits apart, counting a swap of neighbours as one edit
 * (as OpenSearch's fuzzy transpositions do); gives up as soon as a row exceeds the limit.
 */
export function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, beforePrevious[j - 2]! + 1);
      current[j] = distance;
      rowMin = Math.min(rowMin, distance);
    }
    if (rowMin > limit) return false;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length]! <= limit;
}
