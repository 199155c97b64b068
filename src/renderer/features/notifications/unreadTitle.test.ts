import { describe, expect, it } from 'vitest';
import { inboxUnreadCount, pageTitle } from './unreadTitle';

describe('the page title', () => {
  it('counts unread mail in Inbox folders only', () => {
    const folders = [
      { role: 'inbox' as const, unreadCount: 2 },
      { role: 'junk' as const, unreadCount: 40 },
      { role: null, unreadCount: 7 },
      { role: 'inbox' as const, unreadCount: 1 },
    ];
    expect(inboxUnreadCount(folders)).toBe(3);
    expect(inboxUnreadCount([])).toBe(0);
  });

  it('reads "(3) Postino" with unread mail and plain "Postino" without', () => {
    expect(pageTitle(3)).toBe('(3) Postino');
    expect(pageTitle(1234)).toBe('(1234) Postino');
    expect(pageTitle(0)).toBe('Postino');
  });
});
