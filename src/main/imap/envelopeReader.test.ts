import type { ImapAttribute } from 'imapflow';
import { parseBodystructure, parseEnvelope } from 'imapflow/lib/tools.js';
import { describe, expect, it } from 'vitest';
import { readBodyStructure, readEnvelope } from './envelopeReader';
import type { Token } from './responseReader';

/** The same values as imapflow's parser gives them: a token object per string or literal. */
function asImapflow(token: Token): ImapAttribute {
  if (token === null) return null;
  if (Array.isArray(token)) return token.map(asImapflow);
  return { type: Buffer.isBuffer(token) ? 'LITERAL' : 'STRING', value: token };
}

const ENVELOPES: Token[][] = [
  [
    'Tue, 2 Jan 2024 10:00:00 +0100',
    '=?ISO-8859-1?Q?Caff=E8?= e "virgolette"',
    [['"Doe, JJ"', null, 'jj', 'example.it']],
    [['=?UTF-8?B?Wm/Dqw==?=', null, 'zoe', 'example.it']],
    null,
    // Group syntax: a start with the group's name, members, an end marker; then an empty group.
    [['', null, 'Team', null], ['B', null, 'b', 'example.it'], [null, null, null, null], [null, null, 'undisclosed-recipients', null], [null, null, null, null]],
    [[null, null, 'c', 'example.it'], null],
    null,
    ' <r3@example.it> ',
    Buffer.from('<awkward@example.it>'),
  ],
  ['not a date', '', null, null, null, null, null, null, null, null],
  [Buffer.from(''), Buffer.from('R\u00fcckmeldung', 'utf8'), [], [], [], [], [], [], Buffer.from(''), ''],
];

const STRUCTURES: Token[][] = [
  // multipart/mixed: text with a line count, HTML, an attached message, a PDF named per RFC 2231, a part with extension data
  [
    ['text', 'plain', ['charset', 'utf-8', 'format', 'flowed', 'delsp', 'yes'], null, null, '7bit', '5', '1', null, null, null, null],
    ['text', 'html', ['charset', 'utf-8'], '<id@x>', 'descr', 'quoted-printable', '12', '1', 'abc123', ['inline', null], ['EN', 'it'], 'loc'],
    [
      'message', 'rfc822', null, null, null, '7bit', '99',
      ['Mon, 1 Jan 2024 00:00:00 +0000', 'Inner', null, null, null, null, null, null, null, '<inner@x>'],
      ['text', 'plain', null, null, null, '7bit', '6', '1', null, null, null, null],
      '4', null, ['attachment', null], null, null,
    ],
    ['application', 'pdf', ['name*', "utf-8''Pr%C3%BCfung%20%E2%82%AC.pdf"], null, null, 'base64', '12', null, ['attachment', ['filename*0*', "utf-8''Pr%C3%BC", 'filename*1*', 'fung.pdf']], null, null],
    ['image', 'png', ['name', '=?UTF-8?Q?logo=C3=A8.png?='], '<logo@x>', null, 'base64', '300', null, null, null, null],
    'mixed', ['boundary', 'b1'], null, null, null,
  ],
  // A text part whose server left the line count out (11 values, the disposition where the count would be).
  ['text', 'plain', ['charset', 'us-ascii'], null, null, '7bit', '10', null, ['attachment', ['filename', 'a.txt']], null, null],
  // A plain filename that holds an RFC 2231 value, and a bare single part without extension data.
  ['application', 'octet-stream', null, null, null, 'base64', '3', null, ['attachment', ['filename', "utf-8''caf%C3%A9.bin"]], null, null],
  ['text', 'plain', null, null, null, '7bit', '0', '0'],
];

describe('envelopeReader', () => {
  it.each(ENVELOPES.map((envelope, index) => [index, envelope] as const))('reads ENVELOPE %i exactly as imapflow does', (_index, envelope) => {
    expect(readEnvelope(envelope)).toEqual(parseEnvelope(asImapflow(envelope) as ImapAttribute[]));
  });

  it.each(STRUCTURES.map((structure, index) => [index, structure] as const))('reads BODYSTRUCTURE %i exactly as imapflow does', (_index, structure) => {
    expect(readBodyStructure(structure)).toEqual(parseBodystructure(asImapflow(structure) as ImapAttribute[]));
  });

  it('decodes what needs decoding: encoded words, RFC 2231 names, group names', () => {
    const [first] = ENVELOPES;
    const envelope = readEnvelope(first as Token[]);
    expect(envelope.subject).toBe('Caffè e "virgolette"');
    expect(envelope.from).toEqual([{ name: 'Doe, JJ', address: 'jj@example.it' }]);
    expect(envelope.to?.map((entry) => entry.name)).toEqual(['Team', 'B', 'undisclosed-recipients']);
    const parts = readBodyStructure(STRUCTURES[0] as Token[]).childNodes ?? [];
    expect(parts[3]?.dispositionParameters?.filename).toBe('Prüfung.pdf');
    expect(parts[4]?.parameters?.name).toBe('logoè.png');
  });
});
