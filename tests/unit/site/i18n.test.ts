import { describe, expect, it } from 'vitest';
import { canonicalLanguageTag, interfaceText, textDirection } from '../../../src/lib/site/i18n.ts';

describe('languages', () => {
  it('lays out Arabic, Persian, Hebrew and Urdu right to left', () => {
    for (const lang of ['ar', 'ar-EG', 'fa', 'he', 'ur']) expect(textDirection(lang), lang).toBe('rtl');
    for (const lang of ['en', 'fr-CA', 'tr']) expect(textDirection(lang), lang).toBe('ltr');
  });

  it('canonicalises tags and refuses ones that are malformed or unknown', () => {
    expect(canonicalLanguageTag('EN-gb')).toBe('en-GB');
    expect(canonicalLanguageTag(' ar ')).toBe('ar');
    expect(canonicalLanguageTag('en_GB')).toBeUndefined();
    expect(canonicalLanguageTag('english')).toBeUndefined();
    expect(canonicalLanguageTag('')).toBeUndefined();
  });

  it('has interface words in English, Arabic and French, and English for the rest', () => {
    expect(interfaceText('en').search).toBe('Search');
    expect(interfaceText('ar-EG').search).toBe('بحث');
    expect(interfaceText('fr-CA').search).toBe('Rechercher');
    expect(interfaceText('tr').search).toBe('Search');
  });

  it('has no English word in the French and Arabic tables where the language has its own', () => {
    for (const lang of ['fr', 'ar']) {
      const text = interfaceText(lang);
      const english = interfaceText('en');
      const words = (table: typeof text) =>
        Object.entries(table).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
      // Words that French spells as English does.
      const same = new Set(['sources', 'pagination', 'footnotes']);
      for (const [key, value] of words(text))
        if (!same.has(key) || lang === 'ar') expect(value, `${lang}.${key}`).not.toBe(english[key as keyof typeof english]);
    }
  });

  it('writes Arabic reading times with the right plural', () => {
    expect(interfaceText('ar').minutesToRead(1)).toBe('قراءة في 1 دقيقة');
    expect(interfaceText('ar').minutesToRead(4)).toBe('قراءة في 4 دقائق');
    expect(interfaceText('ar').minutesToRead(12)).toBe('قراءة في 12 دقيقة');
  });

  it('joins bylines as the language does', () => {
    expect(interfaceText('en').listFormat.format(['A', 'B', 'C'])).toBe('A, B and C');
    expect(interfaceText('ar').listFormat.format(['أ', 'ب'])).toBe('أ وب');
  });
});
