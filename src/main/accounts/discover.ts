/**
 * Proposes server settings for an address: a built-in preset, else the domain's own DNS SRV records (RFC 6186,
 * with the implicit-TLS services of RFC 8314), else the usual host names, offered only once they answered.
 * DNS and the network probe are injected so the decision logic is tested without either.
 */
import type { DiscoveredSettings, Security, ServerSettings } from '../../shared/types';
import { presetForDomain } from './presets';

export interface SrvRecord {
  name: string;
  port: number;
  priority: number;
  weight: number;
}

export interface DiscoveryDeps {
  /** SRV records of a name; an empty list when there are none (NXDOMAIN, NODATA). */
  resolveSrv(name: string): Promise<SrvRecord[]>;
  /** True when a server answers at host:port with the given security (TLS handshake, or a plain greeting). */
  isReachable(server: ServerSettings): Promise<boolean>;
}

/** The domain part of an address, lower-case without a trailing dot, or null if it is not an address. */
export function mailDomainOf(address: string): string | null {
  const match = /^[^\s@]+@([^\s@]+)$/.exec(address.trim());
  const domain = match?.[1]?.toLowerCase().replace(/\.$/, '');
  return domain && domain.includes('.') ? domain : null;
}

export async function discoverSettings(address: string, deps: DiscoveryDeps): Promise<DiscoveredSettings | null> {
  const domain = mailDomainOf(address);
  if (!domain) return null;
  const username = address.trim();

  const preset = presetForDomain(domain);
  if (preset) return { source: 'preset', label: preset.label, imap: preset.imap, smtp: preset.smtp, username };

  const [imapSrv, smtpSrv] = await Promise.all([
    lookupService(deps, [`_imaps._tcp.${domain}`, 'tls'], [`_imap._tcp.${domain}`, 'starttls']),
    lookupService(deps, [`_submissions._tcp.${domain}`, 'tls'], [`_submission._tcp.${domain}`, 'starttls']),
  ]);
  // The domain said it offers no IMAP (or no submission): guessing host names would contradict it.
  if (imapSrv === 'declined' || smtpSrv === 'declined') return null;

  const [imap, smtp] = await Promise.all([
    imapSrv ?? firstReachable(deps, guesses(domain, ['imap', 'mail'], 993, 143)),
    smtpSrv ?? firstReachable(deps, guesses(domain, ['smtp', 'mail'], 465, 587)),
  ]);
  if (!imap || !smtp) return null;
  const source = imapSrv || smtpSrv ? 'srv' : 'guess';
  return { source, label: imap.host, imap, smtp, username };
}

type ServiceQuery = [name: string, security: Security];

/**
 * The best record of the first service that has one, implicit TLS first (RFC 8314 §5.1). A lone record whose
 * target is "." means the service is decidedly not offered (RFC 2782, RFC 6186 §3.4): 'declined'.
 */
async function lookupService(deps: DiscoveryDeps, ...queries: ServiceQuery[]): Promise<ServerSettings | 'declined' | null> {
  const answers = await Promise.all(queries.map(([name]) => deps.resolveSrv(name)));
  let declined = false;
  for (const [index, records] of answers.entries()) {
    const offered = records.filter((record) => normaliseTarget(record.name) !== '');
    if (records.length > 0 && offered.length === 0) declined = true;
    // Lowest priority wins; among equals the heaviest, so the proposal is stable rather than weighted-random.
    const best = offered.sort((a, b) => a.priority - b.priority || b.weight - a.weight)[0];
    if (best) return { host: normaliseTarget(best.name), port: best.port, security: queries[index]![1] };
  }
  return declined ? 'declined' : null;
}

function normaliseTarget(name: string): string {
  return name.replace(/\.$/, '').toLowerCase();
}

/** Candidates in order of preference: implicit TLS before STARTTLS (RFC 8314), the specific name before mail.*. */
function guesses(domain: string, prefixes: string[], tlsPort: number, starttlsPort: number): ServerSettings[] {
  return [
    ...prefixes.map((prefix): ServerSettings => ({ host: `${prefix}.${domain}`, port: tlsPort, security: 'tls' })),
    ...prefixes.map((prefix): ServerSettings => ({ host: `${prefix}.${domain}`, port: starttlsPort, security: 'starttls' })),
  ];
}

/** Probes every candidate at once (each probe is bounded by its own timeout) and keeps the preferred one that answered. */
async function firstReachable(deps: DiscoveryDeps, candidates: ServerSettings[]): Promise<ServerSettings | null> {
  const answered = await Promise.all(candidates.map((candidate) => deps.isReachable(candidate).catch(() => false)));
  return candidates.find((_, index) => answered[index]) ?? null;
}
