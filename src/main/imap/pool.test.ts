import type { ImapFlow } from 'imapflow';
import { describe, expect, it, vi } from 'vitest';
import { PostinoError } from '../../shared/errors';
import type { ImapEndpoint } from './connect';
import { createImapPool } from './pool';

/** A connection stand-in: the pool only asks whether it is usable, and logs it out or closes it. */
function standInClient(): ImapFlow & { logout: ReturnType<typeof vi.fn>; close: ReturnType<typeof vi.fn> } {
  return { usable: true, logout: vi.fn(() => Promise.resolve()), close: vi.fn() } as never;
}

/** A login that finishes when the test says so. */
function slowLogin(): { connect: () => Promise<ImapFlow>; finish: (client: ImapFlow) => void } {
  let finish: (client: ImapFlow) => void = () => undefined;
  const login = new Promise<ImapFlow>((resolve) => {
    finish = resolve;
  });
  return { connect: () => login, finish };
}

const endpointFor = async (): Promise<ImapEndpoint> => ({
  host: '127.0.0.1', port: 1, security: 'none', username: 'u', password: 'p', pinnedCertSha256: null,
});

describe('IMAP pool', () => {
  it('a login that ends after the pool closed is logged out, and its work fails as offline instead of running', async () => {
    const login = slowLogin();
    const pool = createImapPool({ endpointFor, connect: login.connect });
    const work = vi.fn(() => Promise.resolve('ran'));
    const running = pool.run('account', 'bodies', work);
    await pool.close();
    const client = standInClient();
    login.finish(client);
    await expect(running).rejects.toSatisfy((err) => err instanceof PostinoError && err.code === 'offline');
    expect(work).not.toHaveBeenCalled();
    expect(client.logout).toHaveBeenCalledTimes(1);
  });

  it('the same for an account removed while its login ran; other accounts keep their connections', async () => {
    const login = slowLogin();
    const kept = standInClient();
    const connect = vi.fn((endpoint: ImapEndpoint) => (endpoint.username === 'kept' ? Promise.resolve(kept) : login.connect()));
    const pool = createImapPool({
      endpointFor: async (accountId) => ({ ...(await endpointFor()), username: accountId }),
      connect,
    });
    await expect(pool.run('kept', 'sync', () => Promise.resolve(1))).resolves.toBe(1);
    const running = pool.run('removed', 'sync', () => Promise.resolve(2));
    await pool.closeAccount('removed');
    const client = standInClient();
    login.finish(client);
    await expect(running).rejects.toThrow(/closed/);
    expect(client.logout).toHaveBeenCalledTimes(1);
    await expect(pool.run('kept', 'sync', () => Promise.resolve(3))).resolves.toBe(3);
    expect(kept.logout).not.toHaveBeenCalled();
    await pool.close();
  });
});
