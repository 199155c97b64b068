import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/api/compose';
import { buildMime } from './buildMime';
import { validateDraft } from './validateDraft';

const draft: Draft = {
  draftId: 'd',
  accountId: 'a',
  revision: 1,
  to: [{ name: 'Bòb', address: 'bob@example.com' }],
  cc: [],
  bcc: [{ name: '', address: 'hidden@example.com' }],
  subject: 'Perché è così',
  html: '<p>Riga <b>uno</b></p><p>Riga due</p>',
  attachments: [],
  replyTo: { messageId: 7, kind: 'reply' },
};
const from = { name: 'Ànna', address: 'anna@postino.test' };

describe('buildMime', () => {
  it('encodes a non-ASCII subject, adds a text alternative from the HTML and threads a reply', async () => {
    const built = await buildMime(draft, { from, date: new Date(0), thread: { messageIdHeader: '<b@x>', references: ['<a@x>'] } });
    expect(built.raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?/m);
    expect(built.messageIdHeader).toMatch(/^<[0-9a-f-]+@postino\.test>$/);
    expect(built.envelopeTo).toEqual(['bob@example.com', 'hidden@example.com']);
    const parsed = await simpleParser(built.raw);
    expect(parsed.subject).toBe('Perché è così');
    expect(parsed.text?.trim()).toMatch(/Riga uno\s+Riga due/);
    expect(parsed.inReplyTo).toBe('<b@x>');
    expect(parsed.references).toEqual(['<a@x>', '<b@x>']);
    expect(parsed.bcc).toBeUndefined();
  });

  it('keeps the Bcc header when asked (drafts and the Sent copy) and reuses a given Message-ID', async () => {
    const built = await buildMime(draft, { from, date: new Date(0), thread: null, keepBcc: true, messageIdHeader: '<same@postino.test>' });
    const parsed = await simpleParser(built.raw);
    expect(parsed.messageId).toBe('<same@postino.test>');
    expect(parsed.bcc && !Array.isArray(parsed.bcc) ? parsed.bcc.value[0]?.address : null).toBe('hidden@example.com');
    expect(parsed.inReplyTo).toBeUndefined();
  });
});

describe('validateDraft', () => {
  it('names the field that is wrong', () => {
    expect(() => validateDraft({ ...draft, to: [{ name: 'x', address: 'not an address' }] })).toThrow(expect.objectContaining({ code: 'invalid-input', details: { field: 'to' } }));
    expect(() => validateDraft({ ...draft, revision: -1 })).toThrow(expect.objectContaining({ details: { field: 'revision' } }));
    expect(() => validateDraft(null)).toThrow(expect.objectContaining({ code: 'invalid-input' }));
  });
});
