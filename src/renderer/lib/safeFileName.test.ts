import { describe, expect, it } from 'vitest';
import { safeFileName } from './safeFileName';

describe('safeFileName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(safeFileName('Fattura 2026-11.pdf')).toBe('Fattura 2026-11.pdf');
    expect(safeFileName('résumé.docx')).toBe('résumé.docx');
  });

  it('turns path separators into underscores so a name cannot climb out of the download folder', () => {
    expect(safeFileName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeFileName('C:\\Windows\\win.ini')).toBe('C__Windows_win.ini');
  });

  it('removes control characters and bidi overrides that disguise the extension', () => {
    expect(safeFileName('a\u0000b\nc.txt')).toBe('a_b_c.txt');
    expect(safeFileName('invoice\u202Efdp.exe')).toBe('invoice_fdp.exe');
  });

  it('prefixes names Windows reserves for devices, with or without an extension', () => {
    expect(safeFileName('CON')).toBe('_CON');
    expect(safeFileName('nul.txt')).toBe('_nul.txt');
    expect(safeFileName('com1.log')).toBe('_com1.log');
    expect(safeFileName('console.log')).toBe('console.log');
  });

  it('drops leading dots and trailing dots or spaces', () => {
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(safeFileName('report.pdf. . ')).toBe('report.pdf');
  });

  it('falls back to a neutral name when nothing usable is left', () => {
    expect(safeFileName('')).toBe('attachment');
    expect(safeFileName('..')).toBe('attachment');
    expect(safeFileName('///')).toBe('attachment');
    expect(safeFileName('  ', 'message.eml')).toBe('message.eml');
  });

  it('shortens very long names but keeps the extension', () => {
    const long = `${'x'.repeat(400)}.pdf`;
    const safe = safeFileName(long);
    expect(safe.length).toBe(180);
    expect(safe.endsWith('.pdf')).toBe(true);
  });
});
