/**
 * The user can always see why mail did or did not sync, driven in Chromium against web mode and the real rig:
 * under the account the next sync and its reason, and in the message list header the open folder's last and next
 * sync. The lines follow the page being hidden and shown, and the "assign e-mails of known clients" option.
 * Screenshots go to test-output/e2e/schedule-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, deliver, type TestUser } from '../rig';
import { addAccountThroughForm } from './support/account';
import { openApp, type OpenApp } from './support/app';
import { screenshot } from './support/browser';
import { folderButton } from './support/locators';
import { pageVisibility, recordActivityReports, setPageVisibility } from './support/visibility';

const ACTIVE = /^Next: in (9|10) min — window active$/;
const TIME = String.raw`\d{1,2}:\d{2} [AP]M`;

let user: TestUser;
let app: OpenApp;
let page: Page;
let reports: string[];

const accountSchedule = () => page.getByTestId('account-schedule');
const mailboxSync = () => page.getByTestId('mailbox-sync');
const textOf = async (locator: ReturnType<Page['getByTestId']>) => (await locator.textContent()) ?? '';

async function setVisibility(state: 'hidden' | 'visible'): Promise<void> {
  const reportsBefore = reports.length;
  await setPageVisibility(page, state);
  expect(await pageVisibility(page)).toBe(state);
  const expected = state === 'hidden' ? 'window-hidden' : 'window-shown';
  await expect.poll(() => reports.slice(reportsBefore), { timeout: 5_000 }).toContain(expected);
}

beforeAll(async () => {
  user = await createUser('scheduled');
  await deliver({ from: 'Lucia Neri <lucia@postino.test>', to: user.address, subject: 'Riunione di lunedì', text: 'Alle 9 in sala riunioni.' });
  app = await openApp({
    beforeLoad: (opened) => {
      reports = recordActivityReports(opened);
    },
  });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('seeing when mail syncs and why', () => {
  it('shows under a new account that the next sync is in 10 minutes because the window is active', async () => {
    await page.getByText('No account yet').waitFor();
    await addAccountThroughForm(page, user, 'Sara Scheduled');
    await folderButton(page, 'Inbox').click();
    await page.locator('.message-row', { hasText: 'Riunione di lunedì' }).waitFor({ timeout: 60_000 });
    await expect.poll(() => textOf(accountSchedule()), { timeout: 90_000 }).toMatch(ACTIVE);
    await expect.poll(() => textOf(mailboxSync()), { timeout: 15_000 }).toMatch(new RegExp(`^Synced ${TIME} · next in (9|10) min$`));
    expect(reports).toContain('window-shown');
    await screenshot(page, 'schedule-01-active');
  });

  it('says the next sync is tomorrow once the page is hidden, because client assignment is off', async () => {
    await setVisibility('hidden');
    await expect
      .poll(() => textOf(accountSchedule()), { timeout: 15_000 })
      .toMatch(new RegExp(`^Next: tomorrow ${TIME} — window hidden, client assignment off$`));
    expect(await textOf(mailboxSync())).toMatch(new RegExp(`^Synced ${TIME} · next tomorrow ${TIME}$`));
    await screenshot(page, 'schedule-02-hidden-option-off');
  });

  it('goes back to every 10 minutes when the page is shown again', async () => {
    await setVisibility('visible');
    await expect.poll(() => textOf(accountSchedule()), { timeout: 15_000 }).toMatch(ACTIVE);
  });

  it('keeps syncing every 10 minutes in the background once "Assign e-mails of known clients" is on', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    const option = page.getByLabel('Assign e-mails of known clients to their responsible employees');
    // The box shows the saved setting, so it ticks once the core has stored it: click, then wait for the tick.
    await option.click();
    await expect.poll(() => option.isChecked(), { timeout: 10_000 }).toBe(true);
    await page.getByRole('button', { name: 'Close' }).click();
    await setVisibility('hidden');
    await expect
      .poll(() => textOf(accountSchedule()), { timeout: 15_000 })
      .toMatch(/^Next: in (9|10) min — window hidden, client assignment on$/);
    expect(await textOf(mailboxSync())).toMatch(new RegExp(`^Synced ${TIME} · next in (9|10) min$`));
    await screenshot(page, 'schedule-03-hidden-option-on');
  });

  it('says the window is active again when the page is shown', async () => {
    await setVisibility('visible');
    await expect.poll(() => textOf(accountSchedule()), { timeout: 15_000 }).toMatch(ACTIVE);
    await screenshot(page, 'schedule-04-shown-again');
  });

  it('says it in Italian too, header included', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.selectOption('select[name="language"]', 'it');
    await page.getByRole('button', { name: 'Chiudi' }).click();
    await expect.poll(() => textOf(accountSchedule()), { timeout: 15_000 }).toMatch(/^Prossima: tra (9|10) min — finestra attiva$/);
    expect(await textOf(mailboxSync())).toMatch(/^Sincronizzata: \d{2}:\d{2} · prossima tra (9|10) min$/);
    await setVisibility('hidden');
    await expect
      .poll(() => textOf(accountSchedule()), { timeout: 15_000 })
      .toMatch(/^Prossima: tra (9|10) min — finestra nascosta, assegnazione clienti attiva$/);
    await screenshot(page, 'schedule-05-italian-hidden');
  });
});
