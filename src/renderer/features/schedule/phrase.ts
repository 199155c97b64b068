/**
 * A sentence before translation: an i18n key, its plain values, and named parts that are themselves phrases
 * ("Next: {{when}} — {{why}}" takes `when` and `why` as phrases). Building phrases is pure and testable without
 * i18next; `translatePhrase` is the one place that resolves them.
 */
export interface Phrase {
  key: string;
  values?: Record<string, string | number>;
  parts?: Record<string, Phrase>;
}

/** A translate function, as i18next's `t` is when called with a key and values. */
export type Translate = (key: string, values: Record<string, string | number>) => string;

/** Translates the parts first, then the phrase with their words in place. */
export function translatePhrase(t: Translate, phrase: Phrase): string {
  const parts = Object.fromEntries(
    Object.entries(phrase.parts ?? {}).map(([name, part]) => [name, translatePhrase(t, part)]),
  );
  return t(phrase.key, { ...phrase.values, ...parts });
}

/** Every key a phrase uses, its parts' included: lets tests check the translations have them all. */
export function phraseKeys(phrase: Phrase): string[] {
  return [phrase.key, ...Object.values(phrase.parts ?? {}).flatMap(phraseKeys)];
}
