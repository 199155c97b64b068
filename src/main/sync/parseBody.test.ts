import { describe, expect, it } from 'vitest';
import { parseBody, snippetOf, type RawTextPart } from './parseBody';
import type { TextPart } from './sink';

const part = (contentType: TextPart['contentType'], charset: string | null, encoding: string | null, content: string | Buffer): RawTextPart => ({
  textPart: { part: '1', contentType, charset, encoding, size: content.length },
  content: typeof content === 'string' ? Buffer.from(content, 'latin1') : content,
});

describe('body parsing', () => {
  it('decodes quoted-printable UTF-8 text', () => {
    const body = parseBody([part('text/plain', 'utf-8', 'quoted-printable', 'Perch=C3=A9 no? Caff=C3=A8 alle 10=\r\n.')]);
    expect(body.text).toBe('Perché no? Caffè alle 10.');
    expect(body.html).toBeNull();
    expect(body.snippet).toBe('Perché no? Caffè alle 10.');
  });

  it('decodes base64 in a legacy charset', () => {
    const latin1 = Buffer.from('Città più bella', 'latin1').toString('base64');
    expect(parseBody([part('text/plain', 'iso-8859-1', 'base64', latin1)]).text).toBe('Città più bella');
  });

  it('derives the text from HTML when there is no plain alternative, and sanitises the HTML', () => {
    const body = parseBody([
      part('text/html', 'utf-8', '7bit', '<html><head><title>T</title></head><body><p>Buongiorno &amp; benvenuti</p><script>x()</script><p>Riga due</p></body></html>'),
    ]);
    expect(body.text).toBe('Buongiorno & benvenuti\n\nRiga due');
    expect(body.html).not.toContain('script');
    expect(body.hasRemoteContent).toBe(false);
  });

  it('reads the charset of an HTML part from its meta tag when the MIME header has none', () => {
    const html = Buffer.from('<meta charset="windows-1252"><p>Caff\u00e8</p>', 'latin1');
    expect(parseBody([part('text/html', null, '8bit', html)]).text).toBe('Caffè');
  });

  it('joins the soft line breaks of format=flowed text (RFC 3676), keeping hard breaks and quote depth', () => {
    const flowed = (delSp: boolean, content: string): RawTextPart => {
      const raw = part('text/plain', 'utf-8', '8bit', Buffer.from(content, 'utf8'));
      return { ...raw, textPart: { ...raw.textPart, flowed: { delSp } } };
    };
    const text = 'Ciao Anna, ecco il piano per la \r\nsettimana prossima.\r\n> Lo mandi \r\n> entro luned\u00ec?\r\nGrazie\r\n';
    expect(parseBody([flowed(false, text)]).text).toBe(
      'Ciao Anna, ecco il piano per la settimana prossima.\n> Lo mandi entro lunedì?\nGrazie',
    );
    // DelSp=yes: the space before a soft break was added by the sender's wrapping and goes.
    expect(parseBody([flowed(true, 'Donaudampf \r\nschifffahrt\r\n')]).text).toBe('Donaudampfschifffahrt');
    // Not flowed: the same bytes keep every line break.
    expect(parseBody([part('text/plain', 'utf-8', '7bit', 'per la \r\nsettimana')]).text).toBe('per la \r\nsettimana');
  });

  it('falls back to Windows-1252 for undeclared bytes that are not UTF-8', () => {
    expect(parseBody([part('text/plain', null, '8bit', Buffer.from([0x63, 0x61, 0x66, 0x66, 0xe8]))]).text).toBe('caffè');
  });

  it('reads what it can of broken base64 instead of failing', () => {
    const broken = `${Buffer.from('Hello world').toString('base64')}*!\r\n`;
    expect(parseBody([part('text/plain', 'utf-8', 'base64', broken)]).text).toBe('Hello world');
  });

  it('gives an empty body for a message without readable parts', () => {
    expect(parseBody([])).toEqual({ text: null, html: null, hasRemoteContent: false, snippet: '' });
  });

  it('leaves quoted lines out of the snippet and cuts it at 200 characters', () => {
    expect(snippetOf('Sì, va bene.\n> Ci vediamo domani?\n> A.')).toBe('Sì, va bene.');
    const long = snippetOf('parola '.repeat(100));
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith('…')).toBe(true);
  });
});
