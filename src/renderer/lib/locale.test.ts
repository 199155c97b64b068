import { describe, expect, it } from 'vitest';
import { formattingLocale, pickUiLanguage } from './locale';

describe('pickUiLanguage', () => {
  it('follows the OS language when the user has not chosen one', () => {
    expect(pickUiLanguage(null, ['it-IT', 'en-US'])).toBe('it');
    expect(pickUiLanguage(null, ['de-DE', 'en-GB'])).toBe('en');
  });

  it('falls back to English for languages it does not speak', () => {
    expect(pickUiLanguage(null, ['fr-FR'])).toBe('en');
    expect(pickUiLanguage(null, [])).toBe('en');
  });

  it('lets the user choice win over the OS', () => {
    expect(pickUiLanguage('it', ['en-US'])).toBe('it');
  });
});

describe('formattingLocale', () => {
  it('keeps the regional OS locale when it matches the UI language', () => {
    expect(formattingLocale('en', 'en-GB')).toBe('en-GB');
  });

  it('uses the UI language when the OS speaks another one', () => {
    expect(formattingLocale('it', 'en-US')).toBe('it');
  });
});
