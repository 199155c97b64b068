import type { Page } from 'playwright-core';
import { rigInfo, type TestUser } from '../../rig';

/**
 * Fills the form to add a rig user's account and presses "Add account", as a user does: the servers typed under
 * "Advanced" (after discovery has answered, so it cannot overwrite them). What the app answers is the caller's to
 * check; pass the user with another password to try a wrong one.
 */
export async function submitAccountForm(page: Page, user: TestUser, displayName: string): Promise<void> {
  const rig = rigInfo();
  await page.fill('input[name="address"]', user.address);
  await page.fill('input[name="password"]', user.password);
  await page.fill('input[name="displayName"]', displayName);
  // Leaving the address field asks discovery; wait for its answer so it cannot overwrite the servers typed next.
  await page.locator('input[name="displayName"]').focus();
  await page.locator('.account-form__discovery').filter({ hasNotText: 'Looking up' }).waitFor({ timeout: 30_000 });
  const advanced = page.locator('details.account-form__advanced');
  if ((await advanced.getAttribute('open')) === null) await advanced.locator('summary').click();
  await page.fill('input[name="username"]', user.username);
  await page.fill('input[name="imap-host"]', rig.host);
  await page.fill('input[name="imap-port"]', String(rig.imapPort));
  await page.selectOption('select[name="imap-security"]', 'starttls');
  await page.fill('input[name="smtp-host"]', rig.host);
  await page.fill('input[name="smtp-port"]', String(rig.smtpPort));
  await page.selectOption('select[name="smtp-security"]', 'starttls');
  await page.getByRole('button', { name: 'Add account' }).click();
}

/**
 * Adds a rig user's account through the form ({@link submitAccountForm}), trusting the rig's self-signed
 * certificate when asked, and waits for the folder pane.
 */
export async function addAccountThroughForm(page: Page, user: TestUser, displayName: string): Promise<void> {
  await submitAccountForm(page, user, displayName);
  const trust = page.getByRole('button', { name: 'Trust this certificate for this account' });
  await Promise.race([trust.waitFor({ timeout: 60_000 }), page.locator('.folder-pane').waitFor({ timeout: 60_000 })]);
  if (await trust.isVisible()) await trust.click();
  await page.locator('.folder-pane').waitFor({ timeout: 60_000 });
}
