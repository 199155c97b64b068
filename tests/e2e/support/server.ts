import { ImapFlow } from 'imapflow';
import { simpleParser, type ParsedMail } from 'mailparser';
import { rigInfo, type TestUser } from '../../rig';

/** The messages in the user's INBOX whose subject contains `subject`, parsed: what the recipient really got. */
export async function inboxMessages(user: TestUser, subject: string): Promise<ParsedMail[]> {
  const rig = rigInfo();
  const client = new ImapFlow({
    host: rig.host, port: rig.imapsPort, secure: true, auth: { user: user.username, pass: user.password }, tls: { ca: [rig.certPem] }, logger: false,
  });
  await client.connect();
  const lock = await client.getMailboxLock('INBOX');
  try {
    const uids = (await client.search({ subject }, { uid: true })) || [];
    const parsed: ParsedMail[] = [];
    for (const uid of uids) {
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
      if (message && message.source) parsed.push(await simpleParser(message.source));
    }
    return parsed;
  } finally {
    lock.release();
    await client.logout();
  }
}
