import { describe, expect, it } from 'vitest';
import { roleFromName, roleFromSpecialUse } from './folderRoles';

describe('folder roles', () => {
  it('maps every RFC 6154 attribute, whatever its case', () => {
    expect(roleFromSpecialUse('\\Sent')).toBe('sent');
    expect(roleFromSpecialUse('\\DRAFTS')).toBe('drafts');
    expect(roleFromSpecialUse('\\Trash')).toBe('trash');
    expect(roleFromSpecialUse('\\Junk')).toBe('junk');
    expect(roleFromSpecialUse('\\Archive')).toBe('archive');
    expect(roleFromSpecialUse('\\All')).toBe('all');
    expect(roleFromSpecialUse('\\Flagged')).toBe('flagged');
    expect(roleFromSpecialUse('\\Inbox')).toBe('inbox');
    expect(roleFromSpecialUse('\\Important')).toBeNull();
    expect(roleFromSpecialUse(undefined)).toBeNull();
  });

  it.each([
    ['Sent', 'sent'], ['Sent Items', 'sent'], ['Sent Messages', 'sent'], ['Posta inviata', 'sent'], ['Inviati', 'sent'],
    ['Elementi inviati', 'sent'], ['Gesendet', 'sent'], ['Envoyés', 'sent'], ['Enviados', 'sent'],
    ['Drafts', 'drafts'], ['Bozze', 'drafts'], ['Entwürfe', 'drafts'], ['Brouillons', 'drafts'], ['Borradores', 'drafts'],
    ['Trash', 'trash'], ['Deleted Items', 'trash'], ['Deleted Messages', 'trash'], ['Cestino', 'trash'],
    ['Posta eliminata', 'trash'], ['Papierkorb', 'trash'], ['Corbeille', 'trash'], ['Papelera', 'trash'],
    ['Junk', 'junk'], ['Spam', 'junk'], ['Junk E-mail', 'junk'], ['Posta indesiderata', 'junk'],
    ['Archive', 'archive'], ['Archivio', 'archive'], ['All Mail', 'all'],
  ])('recognises the top-level folder "%s" as %s', (name, role) => {
    expect(roleFromName(name, '/')).toBe(role);
  });

  it('ignores case, extra spaces and Unicode normalisation form in names', () => {
    expect(roleFromName('SENT  items', '/')).toBe('sent');
    expect(roleFromName('Envoye\u0301s', '/')).toBe('sent');
  });

  it('recognises role folders below INBOX and below a bracketed provider root', () => {
    expect(roleFromName('INBOX.Sent', '.')).toBe('sent');
    expect(roleFromName('[Gmail]/Sent Mail', '/')).toBe('sent');
    expect(roleFromName('[Gmail]/All Mail', '/')).toBe('all');
  });

  it("leaves a user's own folder that merely shares a name alone", () => {
    expect(roleFromName('Clienti/Sent', '/')).toBeNull();
    expect(roleFromName('INBOX/Progetti/Bozze', '/')).toBeNull();
    expect(roleFromName('Fatture', '/')).toBeNull();
  });

  it('treats INBOX as the inbox in any case', () => {
    expect(roleFromName('Inbox', '/')).toBe('inbox');
  });
});
