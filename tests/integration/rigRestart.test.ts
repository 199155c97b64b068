import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connect } from 'node:net';
import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { createUser, killImap, rigInfo, startImap, stopImap, useIsolatedRig, type TestUser } from '../rig';
import { reapAbandonedRigs } from '../rig/abandonedRigs';
import { rigsRoot } from '../rig/paths';
import { startRig } from '../rig/startRig';

// Stopping Dovecot would pull the shared rig from under test files running in parallel: this file gets its own.
useIsolatedRig();

function imapsClient(user: TestUser): ImapFlow {
  const rig = rigInfo();
  return new ImapFlow({
    host: rig.host, port: rig.imapsPort, secure: true, auth: { user: user.username, pass: user.password }, tls: { ca: [rig.certPem] }, logger: false,
  });
}

async function logsIn(user: TestUser): Promise<boolean> {
  const client = imapsClient(user);
  await client.connect();
  const authenticated = Boolean(client.authenticated);
  await client.logout();
  return authenticated;
}

/** One message through Postfix submission with SMTP AUTH, which Postfix checks against Dovecot's auth service. */
async function submitsWithAuth(user: TestUser): Promise<string[]> {
  const rig = rigInfo();
  const transport = nodemailer.createTransport({
    host: rig.host, port: rig.smtpPort, requireTLS: true, auth: { user: user.username, pass: user.password }, tls: { ca: [rig.certPem] },
  });
  try {
    const info = await transport.sendMail({ from: user.address, to: user.address, subject: 'auth check', text: 'x' });
    return info.accepted.map(String);
  } finally {
    transport.close();
  }
}

describe('rig restarts', () => {
  it('rig: useIsolatedRig gives this file a rig other than the shared one', async () => {
    const { inject } = await import('vitest');
    expect(rigInfo().dir).not.toBe(inject('rig').dir);
  });

  it('rig: killImap drops a logged-in session, and startImap brings the server back on the same ports', async () => {
    const user = await createUser('kill');
    const session = imapsClient(user);
    const closed = new Promise<void>((resolve) => session.once('close', () => resolve()));
    session.on('error', () => undefined);
    await session.connect();
    await session.mailboxOpen('INBOX');

    await killImap();
    await closed;
    try {
      await expect(imapsClient(user).connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      await startImap();
    }
    expect(await logsIn(user)).toBe(true);
  });

  it('rig: after Dovecot restarts, Postfix submission still authenticates (no stale SASL connection)', async () => {
    const user = await createUser('sasl');
    expect(await submitsWithAuth(user)).toEqual([user.address]);
    await stopImap();
    await startImap();
    expect(await submitsWithAuth(user)).toEqual([user.address]);
  });

  it('rig: after stopImap the server is unreachable until startImap', async () => {
    const user = await createUser('stop');
    await stopImap();
    try {
      await expect(imapsClient(user).connect()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    } finally {
      await startImap();
    }
    expect(await logsIn(user)).toBe(true);
  });

  it('rig: a rig whose owning process died is stopped and removed by the next run, a live one is kept', async () => {
    const root = await mkdtemp(join(rigsRoot, 'reap-'));
    await chmod(root, 0o755);
    const abandoned = await startRig({ dir: join(root, 'abandoned') });
    const deadPid = spawnSync('true').pid;
    await writeFile(join(abandoned.dir, 'owner.pid'), String(deadPid));

    await reapAbandonedRigs(root);

    expect(existsSync(abandoned.dir)).toBe(false);
    const refused = await new Promise((resolve) => {
      connect(abandoned.imapPort, '127.0.0.1').once('connect', () => resolve(false)).once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    await reapAbandonedRigs(rigsRoot);
    expect(existsSync(rigInfo().dir)).toBe(true);
    await rm(root, { recursive: true, force: true });
  });
});
