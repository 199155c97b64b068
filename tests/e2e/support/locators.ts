import type { Locator, Page } from 'playwright-core';

/** The folder pane's entry whose name is exactly `name` ("Inbox", not "All inboxes"). */
export function folderButton(page: Page, name: string): Locator {
  return page.locator('.folder-pane .mailbox-item').filter({ has: page.locator('.mailbox-item__name', { hasText: new RegExp(`^${name}$`) }) });
}
