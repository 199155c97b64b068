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

/** A sentence cut around one of its parts, so that part can be rendered on its own (kept on one line, say). */
export interface SplitSentence {
  before: string;
  part: string;
  after: string;
}

// A placeholder no translation contains: it marks where the part goes in the translated sentence.
const SLOT = '\u0000slot\u0000';

/**
 * Translates a phrase with its part `name` cut out: "Next: in 10 min — " + "window hidden, client assignment on".
 * Without that part the whole sentence is `before`.
 */
export function translateAroundPart(t: Translate, phrase: Phrase, name: string): SplitSentence {
  const { [name]: part, ...otherParts } = phrase.parts ?? {};
  if (!part) return { before: translatePhrase(t, phrase), part: '', after: '' };
  const sentence = translatePhrase(t, { ...phrase, values: { ...phrase.values, [name]: SLOT }, parts: otherParts });
  const [before = '', after = ''] = sentence.split(SLOT);
  return { before, part: translatePhrase(t, part), after };
}
