import type { Page } from 'playwright-core';
import { rigInfo, type TestUser } from '../../rig';

/**
 * Adds a rig user's account through the form, as a user does: the servers typed under "Advanced" (after
 * discovery has answered, so it cannot overwrite them), and the rig's self-signed certificate trusted when asked.
 */
export async function addAccountThroughForm(page: Page, user: TestUser, displayName: string): Promise<void> {
  const rig = rigInfo();
  await page.fill('input[name="address"]', user.address);
  await page.fill('input[name="password"]', user.password);
  await page.fill('input[name="displayName"]', displayName);
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
  const trust = page.getByRole('button', { name: 'Trust this certificate for this account' });
  await Promise.race([trust.waitFor({ timeout: 60_000 }), page.locator('.folder-pane').waitFor({ timeout: 60_000 })]);
  if (await trust.isVisible()) await trust.click();
  await page.locator('.folder-pane').waitFor({ timeout: 60_000 });
}
