import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertAccount } from '../src/main/store/accounts';
import { createStore } from '../src/main/store/store';
import { createSyncSink } from '../src/main/store/syncSink';
import type { HeaderRecord } from '../src/main/sync/sink';

const N = Number(process.argv[2] ?? 20000);
const dir = mkdtempSync(join(tmpdir(), 'hb-'));
const store = createStore(join(dir, 'c.sqlite'), { log: { warn: () => undefined } });
const account = insertAccount(store, { address: 'a@x.test', displayName: 'A', username: 'a', imap: { host: '127.0.0.1', port: 1, security: 'none' }, smtp: { host: '127.0.0.1', port: 2, security: 'starttls' } });
const sink = createSyncSink(store);
const ids = sink.syncFolderList(account.id, [{ path: 'INBOX', name: 'INBOX', delimiter: '/', role: 'inbox', selectable: true, parentPath: null } as never]);
const folderId = [...ids.values()][0]!;
const words = 'alpha beta gamma delta offer meeting report quarterly budget lunch project review'.split(' ');
function rec(uid: number): HeaderRecord {
  const thread = Math.floor(uid / 4);
  const pos = uid % 4;
  const refs = Array.from({ length: pos }, (_, i) => `<m${thread * 4 + i}@x.test>`);
  return {
    uid, flags: uid % 3 ? ['\\Seen'] : [], modseq: String(uid), internalDate: 1.7e12 + uid * 60000, size: 27000,
    date: 1.7e12 + uid * 60000, subject: (pos ? 'Re: ' : '') + `${words[thread % 12]} ${words[(thread * 7) % 12]} ${thread}`,
    from: { name: `Person ${uid % 50}`, address: `p${uid % 50}@x.test` }, to: [{ name: 'Me', address: 'a@x.test' }], cc: uid % 5 ? [] : [{ name: 'C', address: 'c@x.test' }], bcc: [], replyTo: [],
    messageIdHeader: `<m${uid}@x.test>`, inReplyTo: refs.at(-1) ?? null, references: refs,
    textParts: [{ part: '1', contentType: 'text/plain', charset: 'utf-8', encoding: '7bit', size: 2000 }] as never,
    attachments: uid % 7 ? [] : [{ part: '2', filename: 'a.pdf', contentType: 'application/pdf', size: 20000, contentId: null, inline: false }] as never,
    preview: null,
  };
}
const all = Array.from({ length: N }, (_, i) => rec(N - i));
const batches = [all.slice(0, 200)];
for (let i = 200; i < N; i += 2000) batches.push(all.slice(i, i + 2000));
const times = new Map<string, number>();
if (process.env.PROF) {
  const proto = Object.getPrototypeOf(store.db.prepare('SELECT 1')) as Record<string, (...a: unknown[]) => unknown>;
  for (const m of ['run', 'get', 'all']) {
    const orig = proto[m]!;
    proto[m] = function (this: { source: string }, ...a: unknown[]) { const t = performance.now(); try { return orig.apply(this, a); } finally { const k = this.source.replace(/\s+/g, ' ').slice(0, 90); times.set(k, (times.get(k) ?? 0) + performance.now() - t); } };
  }
}
const t0 = performance.now();
for (const b of batches) sink.applyNewMessages(folderId, b);
const ms = performance.now() - t0;
console.log(`${N} rows: ${ms.toFixed(0)} ms, ${(ms * 1000 / N).toFixed(1)} µs/row`);
for (const [k, v] of [...times].sort((a, b) => b[1] - a[1])) console.log(v.toFixed(0).padStart(6), k);
store.close(); rmSync(dir, { recursive: true, force: true });
