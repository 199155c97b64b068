import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import en from './en.json';
import italian from './it.json';

function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? leafKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '').sort();
}

function valueAt(tree: object, key: string): string {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
}

describe('translations', () => {
  it('have the same keys in English and Italian', () => {
    expect(leafKeys(italian).sort()).toEqual(leafKeys(en).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const key of leafKeys(en)) {
      // A plural form may spell the number out ("un altro"), so {{count}} is optional there.
      const comparable = (text: string) =>
        placeholders(text).filter((name) => !(/_(one|other|many)$/.test(key) && name === 'count'));
      expect(comparable(valueAt(italian, key)), key).toEqual(comparable(valueAt(en, key)));
    }
  });

  it('have no empty strings', () => {
    for (const [name, tree] of [['en', en], ['it', italian]] as const) {
      for (const key of leafKeys(tree)) expect(valueAt(tree, key).trim(), `${name}: ${key}`).not.toBe('');
    }
  });

  it('put every error code into words', () => {
    for (const code of ERROR_CODES) expect(Object.keys(en.errors)).toContain(code);
  });
});
