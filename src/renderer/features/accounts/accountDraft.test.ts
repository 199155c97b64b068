import { describe, expect, it } from 'vitest';
import { applyDiscovery, emptyDraft, inputFromDraft, patchFromDraft } from './accountDraft';

describe('account drafts', () => {
  it('fill the servers and user name from discovery and keep what the user typed', () => {
    const draft = { ...emptyDraft(), address: 'anna@example.com', password: 'secret', displayName: 'Anna' };
    const filled = applyDiscovery(draft, {
      source: 'preset',
      label: 'Example',
      username: 'anna@example.com',
      imap: { host: 'imap.example.com', port: 993, security: 'tls' },
      smtp: { host: 'smtp.example.com', port: 587, security: 'starttls' },
    });
    expect(filled.password).toBe('secret');
    expect(filled.displayName).toBe('Anna');
    expect(filled.imap).toEqual({ host: 'imap.example.com', port: '993', security: 'tls' });
    expect(filled.smtp.port).toBe('587');
  });

  it('become an account input with numeric ports, trimmed text and the address as default user name', () => {
    const draft = { ...emptyDraft(), address: ' anna@example.com ', password: ' pw ', imap: { host: ' h ', port: ' 143 ', security: 'starttls' as const } };
    const input = inputFromDraft(draft);
    expect(input.address).toBe('anna@example.com');
    expect(input.username).toBe('anna@example.com');
    expect(input.password).toBe(' pw ');
    expect(input.imap).toEqual({ host: 'h', port: 143, security: 'starttls' });
  });

  it('send a port that is not a number as 0, for the core to reject with the field named', () => {
    expect(inputFromDraft({ ...emptyDraft(), imap: { host: 'h', port: '99x', security: 'tls' } }).imap.port).toBe(0);
  });

  it('leave the password out of an edit when the field is empty', () => {
    const patch = patchFromDraft({ ...emptyDraft(), address: 'a@b.c' });
    expect('password' in patch).toBe(false);
    expect('address' in patch).toBe(false);
    expect(patchFromDraft({ ...emptyDraft(), password: 'new' }).password).toBe('new');
  });
});
