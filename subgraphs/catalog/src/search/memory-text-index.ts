import { bigramsOf, typoBudget, withinEdits, wordsOf } from './text-matching.js';

/**
 * How much one query word scores against a document word, best kind of match first. Partial
 * matches (the query word's bigrams found in the text) score between a prefix and a typo,
 * higher the more of the word they cover.
 */
const matchScore = { exact: 4, prefix: 3, fuzzy: 1.5 };
const partialScore = (share: number) => 1.5 + share * 1.5;
/** Below this share of its bigrams a query word does not count as found. */
const minimumPartialShare = 0.6;
/** A query word found in the product name counts this much more than in its other text. */
const nameWeight = 2;

/** Document id → score. */
type Scores = Map<string, number>;

function raise(scores: Scores, ids: Iterable<string>, score: number) {
  for (const id of ids) if ((scores.get(id) ?? 0) < score) scores.set(id, score);
}

function addTo(postings: Map<string, Set<string>>, key: string, id: string) {
  const ids = postings.get(key);
  if (ids) ids.add(id);
  else postings.set(key, new Set([id]));
}

function removeFrom(postings: Map<string, Set<string>>, key: string, id: string) {
  const ids = postings.get(key);
  ids?.delete(id);
  if (ids?.size === 0) postings.delete(key);
}

/** The inverted indexes of one text field: its words and their bigrams, each to its documents. */
class FieldIndex {
  private readonly wordPostings = new Map<string, Set<string>>();
  private readonly bigramPostings = new Map<string, Set<string>>();
  /** Each document's words, to take it out again. */
  private readonly wordsById = new Map<string, string[]>();

  add(id: string, text: string) {
    const words = wordsOf(text);
    this.wordsById.set(id, words);
    for (const word of words) {
      addTo(this.wordPostings, word, id);
      for (const gram of bigramsOf(word)) addTo(this.bigramPostings, gram, id);
    }
  }

  remove(id: string) {
    for (const word of this.wordsById.get(id) ?? []) {
      removeFrom(this.wordPostings, word, id);
      for (const gram of bigramsOf(word)) removeFrom(this.bigramPostings, gram, id);
    }
    this.wordsById.delete(id);
  }

  wordCount(id: string): number {
    return this.wordsById.get(id)?.length ?? 0;
  }

  /** Documents with a word equal to `word` or starting with it. */
  prefixMatches(word: string): Scores {
    return this.scanVocabulary(word, 0);
  }

  /** Documents matching `word` by any kind of match: exact, prefix, partial or a typo away. */
  matches(word: string): Scores {
    const scores = this.scanVocabulary(word, typoBudget(word));
    this.addPartialMatches(word, scores);
    return scores;
  }

  /** Exact words and partial words only: for long text, whose vocabulary is not worth a scan. */
  exactOrPartialMatches(word: string): Scores {
    const scores: Scores = new Map();
    raise(scores, this.wordPostings.get(word) ?? [], matchScore.exact);
    this.addPartialMatches(word, scores);
    return scores;
  }

  /**
   * Exact, prefix and (within `typos` edits) fuzzy matches. The vocabulary (distinct words) is
   * far smaller than the documents, so it is what a query scans.
   */
  private scanVocabulary(word: string, typos: number): Scores {
    const scores: Scores = new Map();
    for (const [candidate, ids] of this.wordPostings) {
      if (candidate === word) raise(scores, ids, matchScore.exact);
      else if (candidate.startsWith(word)) raise(scores, ids, matchScore.prefix);
      else if (typos > 0 && withinEdits(word, candidate, typos))
        raise(scores, ids, matchScore.fuzzy);
    }
    return scores;
  }

  private addPartialMatches(word: string, scores: Scores) {
    const grams = bigramsOf(word);
    if (grams.length === 0) return;
    const found = new Map<string, number>();
    for (const gram of grams)
      for (const id of this.bigramPostings.get(gram) ?? []) found.set(id, (found.get(id) ?? 0) + 1);
    for (const [id, count] of found) {
      const share = count / grams.length;
      if (share >= minimumPartialShare && (scores.get(id) ?? 0) < partialScore(share))
        scores.set(id, partialScore(share));
    }
  }
}

/**
 * Full-text matching over products: the name, matched every way, and the rest of the product's
 * text (brand, category path, option values, description), matched by exact and partial words. Every query word
 * must be found; the score adds each word's best match, the name counting double, plus a little
 * for short names (of two names that match alike, the shorter one is more about the query, as
 * BM25's length normalisation has it).
 */
export class TextIndex {
  private readonly names = new FieldIndex();
  private readonly context = new FieldIndex();

  add(id: string, name: string, context: string) {
    this.names.add(id, name);
    this.context.add(id, context);
  }

  remove(id: string) {
    this.names.remove(id);
    this.context.remove(id);
  }

  search(text: string): Scores {
    return this.scoreAll(wordsOf(text), (word) => {
      const scores = this.context.exactOrPartialMatches(word);
      for (const [id, score] of this.names.matches(word))
        scores.set(id, Math.max(scores.get(id) ?? 0, nameWeight * score));
      return scores;
    });
  }

  /** Names whose words start with every word typed (the last one usually unfinished). */
  completions(prefix: string): Scores {
    return this.scoreAll(wordsOf(prefix), (word) => this.names.prefixMatches(word));
  }

  private scoreAll(words: string[], scoreWord: (word: string) => Scores): Scores {
    const [first, ...rest] = words;
    if (first === undefined) return new Map();
    const total = scoreWord(first);
    for (const word of rest) {
      if (total.size === 0) break;
      const scores = scoreWord(word);
      for (const [id, sum] of total) {
        const score = scores.get(id);
        if (score === undefined) total.delete(id);
        else total.set(id, sum + score);
      }
    }
    for (const [id, sum] of total) total.set(id, sum + 1 / (1 + this.names.wordCount(id)));
    return total;
  }
}
