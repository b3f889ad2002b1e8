/**
 * Reading time from a word count. Words are counted with the platform's Unicode word segmenter, so
 * that Arabic, accented Latin and scripts without spaces are counted as readers see them.
 */
const WORDS_PER_MINUTE = 220;

/** Segmenters by language: making one costs more than segmenting an article with it. */
const segmenters = new Map<string, Intl.Segmenter>();

export function countWords(text: string, lang: string): number {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    segmenters.set(lang, segmenter);
  }
  let words = 0;
  for (const segment of segmenter.segment(text)) {
    if (segment.isWordLike) words++;
  }
  return words;
}

/** Whole minutes, never less than one, so a short item still reads "1 min". */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
