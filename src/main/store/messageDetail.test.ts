import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncSink } from '../sync/sink';
import { getAttachment, readAttachmentContent, saveAttachmentContent } from './attachments';
import { getMessageDetail } from './messageDetail';
import { allowRemoteContent } from './settings';
import { createSyncSink } from './syncSink';
import { header, openTestStore, seedAccount, type TestStore } from './testStore';

let t: TestStore;
let sink: SyncSink;
let inbox: number;
beforeEach(() => {
  t = openTestStore();
  sink = createSyncSink(t.store);
  inbox = seedAccount(t.store).folderIds.get('INBOX') as number;
});
afterEach(() => t.dispose());

const pdf = { part: '2', filename: 'offer.pdf', contentType: 'application/pdf', size: 5000, contentId: null, inline: false };
const logo = { part: '3', filename: 'logo.png', contentType: 'image/png', size: 900, contentId: '<logo@x>', inline: true };

describe('message detail', () => {
  it('before its body is cached: headers and attachments, no text, bodyAvailable false', () => {
    const [id] = sink.applyNewMessages(inbox, [
      header(1, { bcc: [{ name: '', address: 'boss@postino.test' }], attachments: [pdf, logo] }),
    ]);
    const detail = getMessageDetail(t.store.db, id as number);
    expect(detail).toMatchObject({
      id,
      uid: 1,
      bcc: [{ name: '', address: 'boss@postino.test' }],
      replyTo: [],
      text: null,
      html: null,
      bodyAvailable: false,
      hasRemoteContent: false,
      remoteContentAllowed: false,
      threadCount: 1,
    });
    expect(detail.attachments).toEqual([
      expect.objectContaining({ filename: 'offer.pdf', part: '2', size: 5000, cached: false }),
    ]);
  });

  it('with its body: text, sanitised html, and remote content allowed for a trusted sender', () => {
    const [id] = sink.applyNewMessages(inbox, [header(1)]);
    sink.applyBody(id as number, { text: 'Hi', html: '<p>Hi</p>', hasRemoteContent: true, snippet: 'Hi' });
    allowRemoteContent(t.store, 'Bruno@Example.com');
    expect(getMessageDetail(t.store.db, id as number)).toMatchObject({
      text: 'Hi',
      html: '<p>Hi</p>',
      hasRemoteContent: true,
      remoteContentAllowed: true,
      bodyAvailable: true,
    });
  });

  it('an expunged message is not-found', () => {
    const [id] = sink.applyNewMessages(inbox, [header(1)]);
    sink.applyExpunge(inbox, [1]);
    expect(() => getMessageDetail(t.store.db, id as number)).toThrow(
      expect.objectContaining({ code: 'not-found' }) as Error,
    );
  });

  it('an attachment’s bytes are cached once fetched and go with the message', () => {
    const [id] = sink.applyNewMessages(inbox, [header(1, { attachments: [pdf, logo] })]);
    const [meta] = getMessageDetail(t.store.db, id as number).attachments;
    const attachmentId = meta?.id as number;
    expect(readAttachmentContent(t.store.db, attachmentId)).toBeNull();
    saveAttachmentContent(t.store, attachmentId, Buffer.from('%PDF-1.7'));
    expect(readAttachmentContent(t.store.db, attachmentId)?.toString()).toBe('%PDF-1.7');
    expect(getAttachment(t.store.db, attachmentId)).toMatchObject({ cached: true, inline: false, contentId: null });

    sink.applyExpunge(inbox, [1]);
    expect(readAttachmentContent(t.store.db, attachmentId)).toBeNull();
    expect(() => getAttachment(t.store.db, attachmentId)).toThrow(expect.objectContaining({ code: 'not-found' }) as Error);
  });
});
