import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../i18n';
import { doneText, failedText } from './actionText';

let en: TFunction;
let it_: TFunction;

beforeAll(async () => {
  const make = async (lng: 'en' | 'it') => {
    const i18n = createInstance();
    await i18n.init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
    return i18n.t;
  };
  en = await make('en');
  it_ = await make('it');
});

describe('what the toast says after an action', () => {
  it('counts one message and many in English, with the number formatted for the locale', () => {
    expect(doneText(en, 'move', 1, 'en-US', 'Work')).toBe('1 message moved to Work');
    expect(doneText(en, 'move', 3, 'en-US', 'Work')).toBe('3 messages moved to Work');
    expect(doneText(en, 'archive', 10_000, 'en-US')).toBe('10,000 messages archived');
    expect(doneText(en, 'deleteForever', 1, 'en-US')).toBe('1 message deleted forever');
  });

  it('agrees the participle with the number in Italian', () => {
    expect(doneText(it_, 'move', 1, 'it-IT', 'Lavoro')).toBe('1 messaggio spostato in Lavoro');
    expect(doneText(it_, 'move', 3, 'it-IT', 'Lavoro')).toBe('3 messaggi spostati in Lavoro');
    expect(doneText(it_, 'markRead', 10_000, 'it-IT')).toBe('10.000 messaggi segnati come letti');
  });

  it('names the action, the count and the reason of a refusal, and leaves the count out when none is known', () => {
    const reason = 'The server refused this action.';
    expect(failedText(en, 'move', 3, 'en-US', reason)).toBe('Move failed for 3 messages: The server refused this action.');
    expect(failedText(en, 'delete', 0, 'en-US', reason)).toBe('Delete failed: The server refused this action.');
    expect(failedText(it_, 'archive', 1, 'it-IT', 'Il server ha rifiutato.')).toBe('Archivia non riuscito per 1 messaggio: Il server ha rifiutato.');
  });
});
