import { describe, expect, it } from 'vitest';
import { ResponseFormatError, ResponseReader, type ResponseLine } from './responseReader';

function readAll(chunks: Buffer[]): ResponseLine[] {
  const lines: ResponseLine[] = [];
  const reader = new ResponseReader((line) => lines.push(line));
  for (const chunk of chunks) reader.push(chunk);
  return lines;
}


const FETCH =
  '* 12 FETCH (UID 40 FLAGS (\\Seen $Label1) RFC822.SIZE 2048 ' +
  'ENVELOPE ("Mon, 1 Jan 2024 08:58:56 +0000" "Caff\u00e8 \\"alle\\" 10" (("Doe, J \\\\ Co" NIL "j.doe" "example.it")) NIL NIL NIL NIL NIL NIL "<a@b>") ' +
  'BODY[HEADER.FIELDS (REFERENCES)] {21}\r\nReferences: <x@y>\r\n\r\n)\r\n' +
  'H1 OK Fetch completed (0.001 + 0.000 secs).\r\n';

describe('responseReader', () => {
  it('reads a FETCH response into plain values: lists, NIL, escaped quotes, UTF-8, a section name and a literal', () => {
    const [fetch, done] = readAll([Buffer.from(FETCH)]);
    expect(fetch).toEqual([
      '*',
      '12',
      'FETCH',
      [
        'UID',
        '40',
        'FLAGS',
        ['\\Seen', '$Label1'],
        'RFC822.SIZE',
        '2048',
        'ENVELOPE',
        [
          'Mon, 1 Jan 2024 08:58:56 +0000',
          'Caff\u00e8 "alle" 10',
          [['Doe, J \\ Co', null, 'j.doe', 'example.it']],
          null, null, null, null, null, null,
          '<a@b>',
        ],
        'BODY[HEADER.FIELDS (REFERENCES)]',
        Buffer.from('References: <x@y>\r\n\r\n'),
      ],
    ]);
    expect(done).toEqual(['H1', 'OK', 'Fetch completed (0.001 + 0.000 secs).']);
  });

  it('gives the same lines however the bytes are split, even inside a UTF-8 character, a literal or a CRLF', () => {
    const bytes = Buffer.from(FETCH);
    const whole = readAll([bytes]);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(readAll([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at ${cut}`).toEqual(whole);
    }
    expect(readAll([...bytes].map((byte) => Buffer.from([byte])))).toEqual(whole);
  });

  it('keeps the text of a status response whole, a lone quote or parenthesis included', () => {
    const [line] = readAll([Buffer.from('* OK [ALERT] Don\'t "panic (really\r\n')]);
    expect(line).toEqual(['*', 'OK', '[ALERT] Don\'t "panic (really']);
  });

  it('reads a non-synchronizing literal ({n+}) and an empty one', () => {
    const [line] = readAll([Buffer.from('* 1 FETCH (BODY[1] {3+}\r\nabc BODY[2] {0}\r\n)\r\n')]);
    expect(line?.[3]).toEqual(['BODY[1]', Buffer.from('abc'), 'BODY[2]', Buffer.alloc(0)]);
  });

  it('refuses what is not IMAP with a ResponseFormatError instead of waiting for bytes that will not come', () => {
    const deep = `* 1 FETCH ${'('.repeat(70)}${')'.repeat(70)}\r\n`;
    expect(() => readAll([Buffer.from(deep)])).toThrow(ResponseFormatError);
    expect(() => readAll([Buffer.from('* 1 FETCH (UID 1\r\n')])).toThrow(/not closed/);
    expect(() => readAll([Buffer.from('* 1 FETCH (BODY[] {12x}\r\n')])).toThrow(/literal size/);
    expect(() => readAll([Buffer.from('* 1 FETCH ("open\r\n')])).toThrow(/quoted string/);
  });

  it('waits for the rest of a response cut short, and reads it once it arrives', () => {
    const lines: ResponseLine[] = [];
    const reader = new ResponseReader((line) => lines.push(line));
    reader.push(Buffer.from('* 3 FETCH (UID 9 BODY[] {5}\r\nab'));
    expect(lines).toEqual([]);
    reader.push(Buffer.from('cde)\r\n'));
    expect(lines).toEqual([['*', '3', 'FETCH', ['UID', '9', 'BODY[]', Buffer.from('abcde')]]]);
  });
});
