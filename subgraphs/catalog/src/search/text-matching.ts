/**
 * Text matching for the in-memory index, tuned for Korean and English product names: words are
 * split on anything that is not a letter or digit ("T-Shirt" also yields "tshirt"), and each query
 * word scores by its best match against a document word — exact, prefix, shared character
 * bigrams (partial words, spacing differences), or one edit (a typo).
 */

export function wordsOf(text: string): string[] {
  const lower = text.toLowerCase();
  const words = lower.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  // "t-shirt" → also "tshirt", so either spelling finds it.
  for (const joined of lower.split(/\s+/)) {
    const compact = joined.replace(/[^\p{L}\p{N}]+/gu, '');
    if (compact && !words.includes(compact)) words.push(compact);
  }
  return words;
}

export function bigramsOf(word: string): string[] {
  if (word.length < 2) return [word];
  const grams: string[] = [];
  for (let i = 0; i < word.length - 1; i++) grams.push(word.slice(i, i + 2));
  return grams;
}

/** Levenshtein distance, giving up once it exceeds `limit`. */
function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      rowMin = Math.min(rowMin, current[j]!);
    }
    if (rowMin > limit) return false;
    previous = current;
  }
  return previous[b.length]! <= limit;
}

const isHangul = (word: string) => /\p{Script=Hangul}/u.test(word);

/** Edits allowed for a word: Hangul syllables carry more per character than Latin letters. */
function typoBudget(word: string): number {
  if (isHangul(word)) return word.length >= 3 ? 1 : 0;
  if (word.length >= 7) return 2;
  return word.length >= 4 ? 1 : 0;
}

export interface MatchableText {
  words: string[];
  bigrams: Set<string>;
}

export function matchable(text: string): MatchableText {
  const words = wordsOf(text);
  return { words, bigrams: new Set(words.flatMap(bigramsOf)) };
}

/** How well one query word matches a text: 0 (not at all) up to 3 (the same word). */
export function wordScore(queryWord: string, text: MatchableText): number {
  let best = 0;
  for (const word of text.words) {
    if (word === queryWord) return 3;
    if (word.startsWith(queryWord) && queryWord.length >= 1) best = Math.max(best, 2.5);
  }
  if (best > 0) return best;
  const grams = bigramsOf(queryWord);
  if (grams.length >= 1 && queryWord.length >= 2) {
    const shared = grams.filter((gram) => text.bigrams.has(gram)).length / grams.length;
    if (shared >= 0.6) best = 2 * shared;
  }
  const budget = typoBudget(queryWord);
  if (budget > 0 && text.words.some((word) => withinEdits(queryWord, word, budget)))
    best = Math.max(best, 1.5);
  return best;
}
