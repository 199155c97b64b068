import { describe, expect, it } from 'vitest';
import { PRESETS, presetForDomain } from './presets';

describe('presets', () => {
  it.each([
    ['gmail.com', 'imap.gmail.com', 'smtp.gmail.com'],
    ['googlemail.com', 'imap.gmail.com', 'smtp.gmail.com'],
    ['hotmail.com', 'outlook.office365.com', 'smtp-mail.outlook.com'],
    ['msn.com', 'outlook.office365.com', 'smtp-mail.outlook.com'],
    ['contoso.onmicrosoft.com', 'outlook.office365.com', 'smtp.office365.com'],
    ['me.com', 'imap.mail.me.com', 'smtp.mail.me.com'],
    ['gmx.de', 'imap.gmx.net', 'mail.gmx.net'],
    ['gmx.com', 'imap.gmx.com', 'mail.gmx.com'],
    ['inwind.it', 'imapmail.libero.it', 'smtp.libero.it'],
    ['pec.it', 'imaps.pec.aruba.it', 'smtps.pec.aruba.it'],
    ['yandex.ru', 'imap.yandex.com', 'smtp.yandex.com'],
  ])('serves %s from %s and %s', (domain, imapHost, smtpHost) => {
    const preset = presetForDomain(domain);
    expect(preset?.imap.host).toBe(imapHost);
    expect(preset?.smtp.host).toBe(smtpHost);
  });

  it('knows nothing of an unlisted domain, nor of a look-alike suffix', () => {
    expect(presetForDomain('example.org')).toBeNull();
    expect(presetForDomain('notgmail.com')).toBeNull();
    expect(presetForDomain('evilonmicrosoft.com')).toBeNull();
  });

  it('lists every domain once, so a domain never has two answers', () => {
    const domains = PRESETS.flatMap((preset) => preset.domains);
    expect(new Set(domains).size).toBe(domains.length);
  });

  it('uses encrypted connections on the standard ports only', () => {
    for (const preset of PRESETS) {
      expect([993]).toContain(preset.imap.port);
      expect(preset.imap.security).toBe('tls');
      expect(`${preset.smtp.port}/${preset.smtp.security}`).toMatch(/^(465\/tls|587\/starttls)$/);
    }
  });
});
