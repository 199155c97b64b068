/**
 * Checks what the user typed before anything touches the network: each problem is an `invalid-input` naming the
 * field, so the dialog can point at it. Returns a cleaned copy (trimmed, fingerprint in canonical form).
 */
import { PostinoError } from '../../shared/errors';
import type { AccountInput, AccountPatch, Identity, Security, ServerSettings } from '../../shared/types';
import { normaliseFingerprint } from '../net/tlsTrust';
import { mailDomainOf } from './discover';

const SECURITIES: readonly Security[] = ['tls', 'starttls', 'none'];
// A host name (RFC 1123 labels), an IPv4 literal, or a bracket-less IPv6 literal.
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$|^[0-9a-f:]+$/i;

/** Input that passed validation: the pin is settled (null when none). */
export type ValidInput = AccountInput & { pinnedCertSha256: string | null };

export function validateInput(input: AccountInput): ValidInput {
  const address = text(input.address, 'address');
  if (!mailDomainOf(address)) invalid('address', `"${address}" is not an e-mail address`);
  return {
    address,
    displayName: optionalText(input.displayName, 'displayName'),
    username: text(input.username, 'username'),
    password: password(input.password),
    imap: server(input.imap, 'imap'),
    smtp: server(input.smtp, 'smtp'),
    pinnedCertSha256: fingerprint(input.pinnedCertSha256),
  };
}

/** Validates only the fields present; absent fields keep their stored values. */
export function validatePatch(patch: AccountPatch): AccountPatch {
  const clean: AccountPatch = {};
  if (patch.displayName !== undefined) clean.displayName = optionalText(patch.displayName, 'displayName');
  if (patch.username !== undefined) clean.username = text(patch.username, 'username');
  if (patch.password !== undefined) clean.password = password(patch.password);
  if (patch.imap !== undefined) clean.imap = server(patch.imap, 'imap');
  if (patch.smtp !== undefined) clean.smtp = server(patch.smtp, 'smtp');
  if (patch.pinnedCertSha256 !== undefined) clean.pinnedCertSha256 = fingerprint(patch.pinnedCertSha256);
  if (patch.aliases !== undefined) clean.aliases = aliases(patch.aliases);
  return clean;
}

/** Aliases: each a distinct address (compared case-insensitively) with a name and a signature, both may be empty. */
function aliases(value: unknown): Identity[] {
  if (!Array.isArray(value)) invalid('aliases', 'aliases must be a list');
  const seen = new Set<string>();
  return value.map((item: unknown, index) => {
    const field = `aliases.${index}`;
    const alias = item as Partial<Identity> | null;
    if (typeof alias !== 'object' || alias === null) invalid(field, 'an alias has an address, a name and a signature');
    const address = text(alias.address, `${field}.address`);
    if (!mailDomainOf(address)) invalid(`${field}.address`, `"${address}" is not an e-mail address`);
    if (seen.has(address.toLowerCase())) invalid(`${field}.address`, `${address} is listed twice`);
    seen.add(address.toLowerCase());
    const signature = alias.signature ?? '';
    if (typeof signature !== 'string') invalid(`${field}.signature`, 'the signature must be text');
    return { address, name: optionalText(alias.name, `${field}.name`), signature };
  });
}

function server(value: ServerSettings | undefined, field: 'imap' | 'smtp'): ServerSettings {
  if (typeof value !== 'object' || value === null) invalid(field, `${field} server settings are missing`);
  const host = text(value.host, `${field}.host`);
  if (!HOST.test(host)) invalid(`${field}.host`, `"${host}" is not a host name`);
  if (!Number.isInteger(value.port) || value.port < 1 || value.port > 65535) {
    invalid(`${field}.port`, `${String(value.port)} is not a port number (1-65535)`);
  }
  if (!SECURITIES.includes(value.security)) invalid(`${field}.security`, `unknown security "${String(value.security)}"`);
  return { host, port: value.port, security: value.security };
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') invalid(field, `${field} is required`);
  return value.trim();
}

function optionalText(value: unknown, field: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') invalid(field, `${field} must be text`);
  return value.trim();
}

/** Passwords are kept exactly as typed: leading or trailing spaces may be part of them. */
function password(value: unknown): string {
  if (typeof value !== 'string' || value === '') invalid('password', 'password is required');
  return value;
}

function fingerprint(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  const canonical = typeof value === 'string' ? normaliseFingerprint(value) : null;
  if (!canonical) invalid('pinnedCertSha256', 'the pinned certificate must be a SHA-256 fingerprint');
  return canonical;
}

function invalid(field: string, message: string): never {
  throw new PostinoError('invalid-input', message, { field });
}
