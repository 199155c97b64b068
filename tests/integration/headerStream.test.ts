import { describe, expect, it } from 'vitest';
import type { ImapFlow } from 'imapflow';
import { connectImap, type ImapEndpoint } from '../../src/main/imap/connect';
import { fetchHeaders } from '../../src/main/imap/ops/fetchHeaders';
import { streamHeaders } from '../../src/main/imap/ops/streamHeaders';
import type { HeaderRecord } from '../../src/main/sync/sink';
import { createUser, rigInfo, seedMaildir, type TestUser } from '../rig';
import { generateMessages } from '../rig/seed/generate';
import { endpointOf } from './sync.harness';

/** Headers the generator does not write: the corners of ENVELOPE and BODYSTRUCTURE a reader can get wrong. */
const AWKWARD = [
  [
    'From: "Doe, \\"JJ\\" \\\\ Co" <jj@example.it>',
    'To: undisclosed-recipients:;',
    'Cc: Team: a@example.it, "B" <b@example.it>;, c@example.it',
    'Subject: =?ISO-8859-1?Q?Caff=E8?= e "virgolette" (parentesi',
    'Date: Tue, 2 Jan 2024 10:00:00 +0100',
    'Message-ID: <awkward-1@example.it>',
    'References: <r1@example.it>\r\n <r2@example.it>\r\n\t<r3@example.it>',
    'In-Reply-To: <r3@example.it>',
    'Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes',
    '',
    'Ciao',
  ],
  [
    'From: Zoë Ünal <zoe@example.it>',
    'To: bench@example.it',
    'Subject: Rückmeldung zur Offerte – 8-bit, unencoded',
    'Date: Wed, 3 Jan 2024 11:00:00 +0100',
    'Message-ID: <awkward-2@example.it>',
    'Content-Type: multipart/mixed; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<p>Hallo</p>',
    '--b1',
    'Content-Type: message/rfc822',
    'Content-Disposition: attachment',
    '',
    'From: inner@example.it',
    'Subject: Weitergeleitet',
    'Message-ID: <inner@example.it>',
    'Content-Type: text/plain',
    '',
    'innen',
    '--b1',
    'Content-Type: application/pdf; name*=utf-8\'\'Pr%C3%BCfung%20%E2%82%AC.pdf',
    'Content-Disposition: attachment; filename*=utf-8\'\'Pr%C3%BCfung%20%E2%82%AC.pdf',
    'Content-Transfer-Encoding: base64',
    '',
    'JVBERi0xLjQK',
    '--b1--',
  ],
].map((lines) => Buffer.from(`${lines.join('\r\n')}\r\n`));

type Security = ImapEndpoint['security'];

/** The user's endpoint in each security mode; TLS trusts the rig's self-signed certificate by its pin. */
function endpointIn(security: Security, user: TestUser): ImapEndpoint {
  const rig = rigInfo();
  if (security === 'none') return endpointOf(user);
  return { ...endpointOf(user), security, port: security === 'tls' ? rig.imapsPort : rig.imapPort, pinnedCertSha256: rig.certSha256 };
}

async function withClient<T>(endpoint: ImapEndpoint, work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const client = await connectImap(endpoint);
  try {
    return await work(client);
  } finally {
    if (client.usable) await client.logout();
  }
}

const byUid = (records: HeaderRecord[]): HeaderRecord[] => [...records].sort((a, b) => a.uid - b.uid);

describe.each<Security>(['none', 'starttls', 'tls'])('header stream (security: %s)', (security) => {
  it(`header stream: reads every header of a folder exactly as imapflow does, in batches, newest chunk first, and uses its connection up (${security})`, async () => {
    const user = await createUser('stream');
    const endpoint = endpointIn(security, user);
    const recipient = { name: 'Stream', address: user.address };
    await seedMaildir(user, 'INBOX', [...AWKWARD, ...generateMessages({ count: 230, seed: 7, recipient })]);
    await seedMaildir(user, 'INBOX', [...generateMessages({ count: 20, seed: 8, recipient })], { seen: true });
    const uids = Array.from({ length: 252 }, (_, i) => i + 1);

    const viaImapflow = await withClient(endpoint, (client) => fetchHeaders(client, { path: 'INBOX', uids }));
    const batches: HeaderRecord[][] = [];
    let usableAfter = true;
    await withClient(endpoint, async (client) => {
      await streamHeaders(client, { path: 'INBOX', uids, batchSize: 25, chunkSize: 100, onBatch: (records) => batches.push(records) });
      usableAfter = client.usable;
    });

    const streamed = batches.flat();
    expect(streamed).toHaveLength(252);
    expect(byUid(streamed)).toEqual(byUid(viaImapflow));
    expect(batches.every((batch) => batch.length <= 25)).toBe(true);
    // Chunks of 100 UIDs, the newest first: 153–252, then 53–152, then 1–52.
    expect(streamed[0]?.uid).toBe(153);
    expect(streamed[streamed.length - 1]?.uid).toBe(52);
    expect(usableAfter).toBe(false);

    const awkward = streamed.find((record) => record.messageIdHeader === '<awkward-1@example.it>');
    expect(awkward).toMatchObject({
      subject: 'Caffè e "virgolette" (parentesi',
      from: { name: 'Doe, "JJ" \\ Co', address: 'jj@example.it' },
      references: ['<r1@example.it>', '<r2@example.it>', '<r3@example.it>'],
      textParts: [{ part: '1', flowed: { delSp: true } }],
    });
    const eightBit = streamed.find((record) => record.messageIdHeader === '<awkward-2@example.it>');
    expect(eightBit?.attachments.map((a) => a.filename)).toEqual(['Weitergeleitet.eml', 'Prüfung €.pdf']);
    expect(streamed.filter((record) => record.flags.includes('\\Seen'))).toHaveLength(20);
  });
});

describe('header stream: refusals', () => {
  it('header stream: an unknown folder is refused as not-found before the connection is given up', async () => {
    const user = await createUser('streamgone');
    await withClient(endpointOf(user), async (client) => {
      await expect(streamHeaders(client, { path: 'Nowhere', uids: [1], batchSize: 10, chunkSize: 10, onBatch: () => undefined })).rejects.toMatchObject({ code: 'not-found' });
      expect(client.usable).toBe(true);
    });
  });
});
