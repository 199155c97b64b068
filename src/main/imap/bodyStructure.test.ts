import type { MessageStructureObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { describeStructure } from './bodyStructure';

const plain = (part: string | undefined, extra: Partial<MessageStructureObject> = {}): MessageStructureObject => ({
  part,
  type: 'text/plain',
  parameters: { charset: 'utf-8' },
  encoding: 'quoted-printable',
  size: 120,
  ...extra,
});

describe('BODYSTRUCTURE reading', () => {
  it('reads a single-part message as text part 1', () => {
    expect(describeStructure(plain(undefined))).toEqual({
      textParts: [{ part: '1', contentType: 'text/plain', charset: 'utf-8', encoding: 'quoted-printable', size: 120 }],
      attachments: [],
    });
  });

  it('marks text/plain with format=flowed, with its DelSp, so the body is unwrapped when read', () => {
    const flowed = describeStructure(plain(undefined, { parameters: { charset: 'utf-8', format: 'Flowed', delsp: 'yes' } }));
    expect(flowed.textParts[0]?.flowed).toEqual({ delSp: true });
    const fixed = describeStructure(plain(undefined, { parameters: { charset: 'utf-8', format: 'fixed' } }));
    expect(fixed.textParts[0]).not.toHaveProperty('flowed');
  });

  it('takes both alternatives of a multipart/alternative and lists a PDF as an attachment', () => {
    const structure: MessageStructureObject = {
      type: 'multipart/mixed',
      childNodes: [
        {
          part: '1',
          type: 'multipart/alternative',
          childNodes: [plain('1.1'), { part: '1.2', type: 'text/html', parameters: { charset: 'iso-8859-1' }, encoding: 'base64', size: 300 }],
        },
        { part: '2', type: 'application/pdf', disposition: 'attachment', dispositionParameters: { filename: 'Fattura è.pdf' }, size: 9000, encoding: 'base64' },
      ],
    };
    const parts = describeStructure(structure);
    expect(parts.textParts.map((p) => [p.part, p.contentType, p.charset])).toEqual([
      ['1.1', 'text/plain', 'utf-8'],
      ['1.2', 'text/html', 'iso-8859-1'],
    ]);
    expect(parts.attachments).toEqual([
      { part: '2', filename: 'Fattura è.pdf', contentType: 'application/pdf', size: 9000, contentId: null, inline: false },
    ]);
  });

  it('marks an image referenced by Content-ID as inline', () => {
    const parts = describeStructure({
      type: 'multipart/related',
      childNodes: [
        { part: '1', type: 'text/html', size: 10 },
        { part: '2', type: 'image/png', id: '<logo@x>', size: 50, encoding: 'base64' },
      ],
    });
    expect(parts.attachments[0]).toMatchObject({ part: '2', filename: 'part-2.png', contentId: '<logo@x>', inline: true });
  });

  it('keeps a text file sent as an attachment out of the readable text', () => {
    const parts = describeStructure({
      type: 'multipart/mixed',
      childNodes: [plain('1'), plain('2', { disposition: 'attachment', dispositionParameters: { filename: 'note.txt' } })],
    });
    expect(parts.textParts.map((p) => p.part)).toEqual(['1']);
    expect(parts.attachments.map((a) => a.filename)).toEqual(['note.txt']);
  });

  it("treats a forwarded message as one attachment and leaves its text to it", () => {
    const parts = describeStructure({
      type: 'multipart/mixed',
      childNodes: [
        plain('1'),
        { part: '2', type: 'message/rfc822', envelope: { subject: 'Ordine 42' }, size: 800, childNodes: [plain('2')] },
      ],
    });
    expect(parts.textParts.map((p) => p.part)).toEqual(['1']);
    expect(parts.attachments).toMatchObject([{ part: '2', filename: 'Ordine 42.eml', contentType: 'message/rfc822' }]);
  });

  it('reads the whole body as text when a multipart lost its boundaries and only an empty part remains', () => {
    const parts = describeStructure({ type: 'multipart/alternative', childNodes: [plain('1', { size: 0 })] });
    expect(parts.textParts).toEqual([{ part: 'TEXT', contentType: 'text/plain', charset: null, encoding: null, size: 0 }]);
  });

  it('yields no parts for a missing structure', () => {
    expect(describeStructure(undefined)).toEqual({ textParts: [], attachments: [] });
  });
});
