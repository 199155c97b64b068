import { describe, expect, it } from 'vitest';
import type { MessageDetail } from '../../../shared/types';
import { forwardSubject, quoteForForward, quoteForReply, replyRecipients, replySubject, textToHtml } from './replyDraft';

const anna = { name: 'Anna', address: 'anna@postino.test' };
const bruno = { name: 'Bruno', address: 'bruno@example.com' };
const carla = { name: 'Carla', address: 'carla@example.com' };
const dario = { name: 'Dario', address: 'dario@example.com' };

function message(overrides: Partial<MessageDetail>): MessageDetail {
  return {
    id: 1, accountId: 'a', folderId: 1, uid: 1, messageIdHeader: '<m@x>', threadId: 1, subject: 'Preventivo', from: bruno,
    to: [anna, carla], cc: [dario], bcc: [], replyTo: [], date: 0, size: 0, flags: [], seen: true, flagged: false, answered: false,
    hasAttachments: false, snippet: '', threadCount: 1, text: 'Ciao', html: null, hasRemoteContent: false, remoteContentAllowed: false,
    attachments: [], bodyAvailable: true, ...overrides,
  };
}
const addresses = (list: Array<{ address: string }>) => list.map((item) => item.address);

describe('reply and forward', () => {
  it('puts one "Re:" in front of the subject, keeping a prefix already there in any language', () => {
    expect(replySubject('Preventivo')).toBe('Re: Preventivo');
    expect(replySubject('RE: Preventivo')).toBe('RE: Preventivo');
    expect(replySubject('R: Preventivo')).toBe('R: Preventivo');
    expect(replySubject('Aw: Angebot')).toBe('Aw: Angebot');
    expect(replySubject('Review of the plan')).toBe('Re: Review of the plan');
  });

  it('puts one "Fwd:" in front of a forwarded subject', () => {
    expect(forwardSubject('Preventivo')).toBe('Fwd: Preventivo');
    expect(forwardSubject('Fw: Preventivo')).toBe('Fw: Preventivo');
    expect(forwardSubject('I: Preventivo')).toBe('I: Preventivo');
    expect(forwardSubject('Invoice')).toBe('Fwd: Invoice');
  });

  it('replies to the sender only, or to Reply-To when the sender set one', () => {
    expect(addresses(replyRecipients(message({}), [anna.address], false).to)).toEqual([bruno.address]);
    const withReplyTo = replyRecipients(message({ replyTo: [carla] }), [anna.address], false);
    expect(addresses(withReplyTo.to)).toEqual([carla.address]);
    expect(withReplyTo.cc).toEqual([]);
  });

  it('replies to all without the user’s own address and without repeating the sender', () => {
    const { to, cc } = replyRecipients(message({ cc: [dario, { name: '', address: 'ANNA@postino.test' }, bruno] }), [anna.address], true);
    expect(addresses(to)).toEqual([bruno.address]);
    expect(addresses(cc)).toEqual([carla.address, dario.address]);
  });

  it('leaves every one of the user’s addresses, aliases included, out of Reply all', () => {
    const info = { name: 'Studio', address: 'info@postino.test' };
    const { to, cc } = replyRecipients(message({ to: [info, carla], cc: [anna, dario] }), [anna.address, info.address], true);
    expect(addresses(to)).toEqual([bruno.address]);
    expect(addresses(cc)).toEqual([carla.address, dario.address]);
  });

  it('answers the user’s own sent message by writing to its recipients again', () => {
    const { to, cc } = replyRecipients(message({ from: anna, to: [bruno], cc: [carla] }), [anna.address], true);
    expect(addresses(to)).toEqual([bruno.address]);
    expect(addresses(cc)).toEqual([carla.address]);
  });

  it('quotes the original below an empty line, escaping the attribution', () => {
    expect(quoteForReply('On 2 Nov, <Bruno> wrote:', textToHtml('Ciao\n<b>Anna</b>'))).toBe(
      '<p><br></p><p>On 2 Nov, &lt;Bruno&gt; wrote:</p><blockquote type="cite">Ciao<br>&lt;b&gt;Anna&lt;/b&gt;</blockquote>',
    );
  });

  it('heads a forward with the original’s sender, date and subject, leaving out empty rows', () => {
    const html = quoteForForward({ title: 'Forwarded message', rows: [['From', 'Bruno <bruno@example.com>'], ['Cc', ''], ['Subject', 'Preventivo']] }, '<p>Ciao</p>');
    expect(html).toBe('<p><br></p><p>Forwarded message<br>From: Bruno &lt;bruno@example.com&gt;<br>Subject: Preventivo</p><p><br></p><div><p>Ciao</p></div>');
  });
});
