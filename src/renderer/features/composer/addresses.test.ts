import { describe, expect, it } from 'vitest';
import { addRecipients, formatRecipient, parseRecipientList } from './addresses';

describe('recipient parsing', () => {
  it('reads names, quoted names with commas and bare addresses from one pasted list', () => {
    expect(parseRecipientList('Anna Rossi <anna@example.com>, "Verdi, Bruno" <bruno@example.com>; carla@example.it\nmailto:dario@example.org')).toEqual([
      { name: 'Anna Rossi', address: 'anna@example.com', valid: true },
      { name: 'Verdi, Bruno', address: 'bruno@example.com', valid: true },
      { name: '', address: 'carla@example.it', valid: true },
      { name: '', address: 'dario@example.org', valid: true },
    ]);
  });

  it('keeps text that is not an address as an invalid recipient rather than dropping it', () => {
    expect(parseRecipientList('anna@, Bruno <bruno at example.com>')).toEqual([
      { name: '', address: 'anna@', valid: false },
      { name: 'Bruno', address: 'bruno at example.com', valid: false },
    ]);
  });

  it('ignores empty entries between separators', () => {
    expect(parseRecipientList(' , ;anna@example.com,, ').map((recipient) => recipient.address)).toEqual(['anna@example.com']);
  });

  it('does not add an address already on the list, whatever its case', () => {
    const list = parseRecipientList('anna@example.com');
    expect(addRecipients(list, parseRecipientList('ANNA@example.com, bruno@example.com')).map((recipient) => recipient.address)).toEqual([
      'anna@example.com',
      'bruno@example.com',
    ]);
  });

  it('formats a recipient so that parsing it again gives it back', () => {
    const recipient = { name: 'Verdi, "Bruno"', address: 'bruno@example.com' };
    expect(formatRecipient(recipient)).toBe('"Verdi, \\"Bruno\\"" <bruno@example.com>');
    expect(parseRecipientList(formatRecipient(recipient))).toEqual([{ ...recipient, valid: true }]);
  });
});
