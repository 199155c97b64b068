/**
 * The login layer against the real rig: each way connecting can fail gets its own code, certificate pinning
 * accepts exactly the pinned certificate, and a failed attempt leaves no socket behind.
 */
import net from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PostinoError } from '../../src/shared/errors';
import { connectImap, type ImapEndpoint } from '../../src/main/imap/connect';
import { verifySmtp } from '../../src/main/smtp/connect';
import { answers } from '../../src/main/accounts/reachability';
import { createUser, rigInfo, type TestUser } from '../rig';

const OTHER_PIN = 'AA:'.repeat(31) + 'AA';
let user: TestUser;

beforeAll(async () => {
  user = await createUser('connect');
});

function endpoint(overrides: Partial<ImapEndpoint>): ImapEndpoint {
  const rig = rigInfo();
  return {
    host: rig.host,
    port: rig.imapsPort,
    security: 'tls',
    username: user.username,
    password: user.password,
    pinnedCertSha256: rig.certSha256,
    ...overrides,
  };
}

async function failure(attempt: Promise<unknown>): Promise<PostinoError> {
  const outcome = await attempt.then(
    () => null,
    (err: PostinoError) => err,
  );
  if (!outcome) throw new Error('expected the attempt to fail');
  return outcome;
}

/** Open TCP/TLS handles of this process once sockets being closed have gone, as Node reports them. */
async function openSockets(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  return process.getActiveResourcesInfo().filter((kind) => kind === 'TCPSocketWrap' || kind === 'TLSWrap').length;
}

describe('connectImap', () => {
  it('logs in over implicit TLS and over STARTTLS when the rig certificate is pinned', async () => {
    const rig = rigInfo();
    for (const target of [endpoint({}), endpoint({ port: rig.imapPort, security: 'starttls' })]) {
      const client = await connectImap(target);
      expect(client.usable).toBe(true);
      expect(client.capabilities.has('IMAP4rev1')).toBe(true);
      await client.logout();
    }
  });

  it('refuses the self-signed certificate without a pin, on both TLS modes, reporting its fingerprint', async () => {
    const rig = rigInfo();
    for (const target of [endpoint({ pinnedCertSha256: null }), endpoint({ port: rig.imapPort, security: 'starttls', pinnedCertSha256: null })]) {
      const error = await failure(connectImap(target));
      expect(error.code).toBe('tls-untrusted');
      expect(error.details?.fingerprintSha256).toBe(rig.certSha256);
    }
  });

  it('refuses a certificate other than the pinned one', async () => {
    const error = await failure(connectImap(endpoint({ pinnedCertSha256: OTHER_PIN })));
    expect(error.code).toBe('tls-untrusted');
    expect(error.details?.fingerprintSha256).toBe(rigInfo().certSha256);
  });

  it('reports TLS on the plain IMAP port as tls-failed', async () => {
    const error = await failure(connectImap(endpoint({ port: rigInfo().imapPort, security: 'tls' })));
    expect(error.code).toBe('tls-failed');
  });

  it('leaves no socket open after a failed login', async () => {
    const before = await openSockets();
    await failure(connectImap(endpoint({ password: 'wrong password' })));
    await failure(connectImap(endpoint({ pinnedCertSha256: OTHER_PIN })));
    await failure(connectImap(endpoint({ host: rigInfo().noRev1Host })));
    expect(await openSockets()).toBe(before);
  });
});

describe('verifySmtp', () => {
  it('logs in to submission over STARTTLS and SMTPS with the pinned certificate', async () => {
    const rig = rigInfo();
    await verifySmtp(endpoint({ port: rig.smtpPort, security: 'starttls' }));
    await verifySmtp(endpoint({ port: rig.smtpsPort, security: 'tls' }));
  });

  it('reports a wrong SMTP password (535) as auth-failed', async () => {
    const error = await failure(verifySmtp(endpoint({ port: rigInfo().smtpPort, security: 'starttls', password: 'wrong' })));
    expect(error.code).toBe('auth-failed');
  });

  it('refuses the unpinned self-signed certificate with its fingerprint, after STARTTLS as after implicit TLS', async () => {
    const rig = rigInfo();
    for (const target of [
      endpoint({ port: rig.smtpPort, security: 'starttls', pinnedCertSha256: null }),
      endpoint({ port: rig.smtpsPort, security: 'tls', pinnedCertSha256: null }),
    ]) {
      const error = await failure(verifySmtp(target));
      expect(error.code).toBe('tls-untrusted');
      expect(error.details?.fingerprintSha256).toBe(rig.certSha256);
    }
  });

  it('refuses a certificate other than the pinned one', async () => {
    const error = await failure(verifySmtp(endpoint({ port: rigInfo().smtpPort, security: 'starttls', pinnedCertSha256: OTHER_PIN })));
    expect(error.code).toBe('tls-untrusted');
  });
});

describe('reachability probe (discovery)', () => {
  let closedPort: number;
  beforeAll(async () => {
    closedPort = await unusedPort();
  });

  it('finds the rig over implicit TLS and by its plain greeting', async () => {
    const rig = rigInfo();
    expect(await answers({ host: rig.host, port: rig.imapsPort, security: 'tls' }, 3_000)).toBe(true);
    expect(await answers({ host: rig.host, port: rig.imapPort, security: 'starttls' }, 3_000)).toBe(true);
    expect(await answers({ host: rig.host, port: rig.smtpPort, security: 'starttls' }, 3_000)).toBe(true);
  });

  it('does not offer a closed port, nor TLS on a plain port', async () => {
    const rig = rigInfo();
    expect(await answers({ host: rig.host, port: closedPort, security: 'tls' }, 3_000)).toBe(false);
    expect(await answers({ host: rig.host, port: rig.imapPort, security: 'tls' }, 3_000)).toBe(false);
  });
});

/** A loopback port that was free a moment ago: nothing listens there. */
async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

