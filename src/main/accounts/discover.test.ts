import { describe, expect, it } from 'vitest';
import type { ServerSettings } from '../../shared/types';
import { discoverSettings, mailDomainOf, type DiscoveryDeps, type SrvRecord } from './discover';

/** DNS as a table; reachability as a set of "host:port/security" that answer. Records what was probed. */
function fakes(srv: Record<string, SrvRecord[]>, reachable: string[] = []) {
  const probed: string[] = [];
  const deps: DiscoveryDeps = {
    resolveSrv: async (name) => srv[name] ?? [],
    isReachable: async (server: ServerSettings) => {
      const key = `${server.host}:${server.port}/${server.security}`;
      probed.push(key);
      return reachable.includes(key);
    },
  };
  return { deps, probed };
}

const record = (name: string, port: number, priority = 0, weight = 0): SrvRecord => ({ name, port, priority, weight });

describe('discoverSettings', () => {
  it('answers a known provider from its preset without DNS or probes', async () => {
    const { deps, probed } = fakes({});
    const found = await discoverSettings('Mario.Rossi@Libero.it', deps);
    expect(found).toMatchObject({ source: 'preset', label: 'Libero Mail', username: 'Mario.Rossi@Libero.it' });
    expect(found?.imap).toEqual({ host: 'imapmail.libero.it', port: 993, security: 'tls' });
    expect(probed).toEqual([]);
  });

  it('reads RFC 6186 SRV records and prefers implicit TLS (RFC 8314)', async () => {
    const { deps, probed } = fakes({
      '_imaps._tcp.studio.example': [record('imap.provider.example.', 993)],
      '_imap._tcp.studio.example': [record('imap.provider.example.', 143)],
      '_submission._tcp.studio.example': [record('smtp.provider.example.', 587)],
    });
    const found = await discoverSettings('anna@studio.example', deps);
    expect(found).toEqual({
      source: 'srv',
      label: 'imap.provider.example',
      imap: { host: 'imap.provider.example', port: 993, security: 'tls' },
      smtp: { host: 'smtp.provider.example', port: 587, security: 'starttls' },
      username: 'anna@studio.example',
    });
    expect(probed).toEqual([]);
  });

  it('picks the SRV record with the lowest priority, then the highest weight', async () => {
    const { deps } = fakes({
      '_imaps._tcp.studio.example': [record('b.example', 993, 10, 50), record('a.example', 993, 5, 1), record('c.example', 993, 5, 9)],
      '_submissions._tcp.studio.example': [record('smtp.example', 465)],
    });
    expect((await discoverSettings('anna@studio.example', deps))?.imap.host).toBe('c.example');
  });

  it('skips a service whose SRV target is "." and uses the next one', async () => {
    const { deps } = fakes({
      '_imaps._tcp.studio.example': [record('.', 0)],
      '_imap._tcp.studio.example': [record('imap.example', 143)],
      '_submissions._tcp.studio.example': [record('smtp.example', 465)],
    });
    const found = await discoverSettings('anna@studio.example', deps);
    expect(found?.imap).toEqual({ host: 'imap.example', port: 143, security: 'starttls' });
  });

  it('proposes nothing when the domain declares through "." that it offers no IMAP', async () => {
    const { deps, probed } = fakes(
      { '_imaps._tcp.studio.example': [record('.', 0)], '_imap._tcp.studio.example': [record('.', 0)] },
      ['imap.studio.example:993/tls', 'smtp.studio.example:465/tls'],
    );
    expect(await discoverSettings('anna@studio.example', deps)).toBeNull();
    expect(probed).toEqual([]);
  });

  it('guesses imap./smtp. host names and offers only those that answered, implicit TLS first', async () => {
    const { deps } = fakes({}, ['mail.studio.example:993/tls', 'imap.studio.example:143/starttls', 'smtp.studio.example:587/starttls']);
    const found = await discoverSettings('anna@studio.example', deps);
    expect(found).toEqual({
      source: 'guess',
      label: 'mail.studio.example',
      imap: { host: 'mail.studio.example', port: 993, security: 'tls' },
      smtp: { host: 'smtp.studio.example', port: 587, security: 'starttls' },
      username: 'anna@studio.example',
    });
  });

  it('guesses only the half SRV did not answer', async () => {
    const { deps, probed } = fakes({ '_imaps._tcp.studio.example': [record('imap.host.example', 993)] }, ['smtp.studio.example:465/tls']);
    const found = await discoverSettings('anna@studio.example', deps);
    expect(found?.source).toBe('srv');
    expect(found?.smtp).toEqual({ host: 'smtp.studio.example', port: 465, security: 'tls' });
    expect(probed.every((key) => key.startsWith('smtp.') || key.startsWith('mail.'))).toBe(true);
  });

  it('returns null when nothing answers', async () => {
    const { deps } = fakes({});
    expect(await discoverSettings('anna@studio.example', deps)).toBeNull();
  });

  it('returns null for something that is not an address', async () => {
    const { deps, probed } = fakes({});
    expect(await discoverSettings('anna.studio.example', deps)).toBeNull();
    expect(probed).toEqual([]);
  });
});

describe('mailDomainOf', () => {
  it('lower-cases the domain and drops a trailing dot', () => {
    expect(mailDomainOf(' Anna@Studio.Example. ')).toBe('studio.example');
  });
  it('refuses addresses without a dotted domain or with two @', () => {
    expect(mailDomainOf('anna@localhost')).toBeNull();
    expect(mailDomainOf('a@b@c.example')).toBeNull();
  });
});
