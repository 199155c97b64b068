import { describe, expect, it } from 'vitest';
import type { Account, Identity } from './types';
import { addressedIdentity, ownAddresses, senderChoices, senderForResponse, signatureText } from './identities';

function account(id: string, address: string, aliases: Identity[] = []): Account {
  return {
    id, address, displayName: id, username: address, pinnedCertSha256: null, createdAt: 0, smtpMaxSize: null,
    imap: { host: 'h', port: 993, security: 'tls' }, smtp: { host: 'h', port: 465, security: 'tls' },
    identities: [{ address, name: id, signature: '' }, ...aliases],
  };
}
const info: Identity = { address: 'info@studio.test', name: 'Studio', signature: 'Studio Rossi' };
const anna = account('anna', 'anna@studio.test', [info]);
const bruno = account('bruno', 'bruno@other.test', [{ address: 'sales@other.test', name: 'Sales', signature: '' }]);
const accounts = [anna, bruno];
const to = (...addresses: string[]) => addresses.map((address) => ({ name: '', address }));

describe('choosing the sender', () => {
  it('offers every identity of every account, each account’s own address first', () => {
    expect(senderChoices(accounts).map((choice) => `${choice.accountId}:${choice.identity.address}`)).toEqual([
      'anna:anna@studio.test', 'anna:info@studio.test', 'bruno:bruno@other.test', 'bruno:sales@other.test',
    ]);
    expect(ownAddresses(accounts)).toEqual(['anna@studio.test', 'info@studio.test', 'bruno@other.test', 'sales@other.test']);
  });

  it('answers from the alias the original was sent to, found in To or Cc whatever its case', () => {
    expect(senderForResponse({ accountId: 'anna', to: to('INFO@studio.test'), cc: [] }, accounts)).toEqual({ accountId: 'anna', identity: info });
    expect(senderForResponse({ accountId: 'anna', to: to('someone@else.test'), cc: to('info@studio.test') }, accounts)?.identity).toBe(info);
  });

  it('prefers the message’s own account, then looks at the other accounts', () => {
    const both = { accountId: 'anna', to: to('sales@other.test', 'anna@studio.test'), cc: [] };
    expect(senderForResponse(both, accounts)?.identity.address).toBe('anna@studio.test');
    const other = { accountId: 'anna', to: to('sales@other.test'), cc: [] };
    expect(senderForResponse(other, accounts)).toEqual({ accountId: 'bruno', identity: bruno.identities[1] });
  });

  it('looks at the delivery headers (Delivered-To, X-Original-To) when To and Cc name none of the user’s addresses', () => {
    const viaList = { accountId: 'anna', to: to('list@lists.test'), cc: [] };
    expect(addressedIdentity(viaList, accounts)).toBeNull();
    expect(senderForResponse(viaList, accounts, ['INFO@studio.test', 'anna@studio.test'])).toEqual({ accountId: 'anna', identity: info });
    expect(senderForResponse(viaList, accounts, ['anna@studio.test'])?.identity).toBe(anna.identities[0]);
    expect(senderForResponse({ ...viaList, to: to('anna@studio.test') }, accounts, ['info@studio.test'])?.identity.address).toBe('anna@studio.test');
  });

  it('falls back to the account’s own address when none of the user’s addresses is a recipient (a Bcc)', () => {
    expect(senderForResponse({ accountId: 'bruno', to: to('list@lists.test'), cc: [] }, accounts)?.identity.address).toBe('bruno@other.test');
  });

  it('signs with the identity’s signature, else with the account’s signature setting', () => {
    expect(signatureText(info, 'anna', { anna: 'Anna' })).toBe('Studio Rossi');
    expect(signatureText(anna.identities[0]!, 'anna', { anna: ' Anna \n' })).toBe('Anna');
    expect(signatureText(anna.identities[0]!, 'anna', {})).toBe('');
  });
});
