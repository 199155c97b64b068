import { describe, expect, it } from 'vitest';
import type { Identity } from '../../shared/types';
import { senderOf } from './composeMessage';

const identities: Identity[] = [
  { address: 'anna@postino.test', name: 'Anna Rossi', signature: '' },
  { address: 'Info@Postino.test', name: 'Studio Rossi', signature: 'Studio Rossi\nVia Roma 1' },
];

describe('the sender of a message', () => {
  it('is the account’s own address when the draft names none', () => {
    expect(senderOf({ identities }, {})).toEqual({ name: 'Anna Rossi', address: 'anna@postino.test' });
  });

  it('may be an alias, spelled as the account stores it, with the alias’s name when the draft gives none', () => {
    expect(senderOf({ identities }, { from: { name: '', address: 'info@postino.test' } })).toEqual({ name: 'Studio Rossi', address: 'Info@Postino.test' });
    expect(senderOf({ identities }, { from: { name: 'Anna at the studio', address: 'INFO@postino.test' } }).name).toBe('Anna at the studio');
  });

  it('refuses an address that is not one of the account’s identities, naming the field', () => {
    expect(() => senderOf({ identities }, { from: { name: 'Bob', address: 'bob@postino.test' } })).toThrow(
      expect.objectContaining({ code: 'invalid-input', details: { field: 'from' } }) as Error,
    );
  });
});
