import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { authServerSection, passwordOf, signInCookie } from '../helpers/auth-stack.js';
import { launchChromium } from '../helpers/browser.js';
import { eventually } from '../helpers/eventually.js';
import { sendWithLogger } from '../helpers/send-logger.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { writeStackConfig } from '../helpers/stack-config.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const TRUNK_ALARM = 'Alarm: Trunk: Trunk Slot B, T1 PRI 2 red alarm';
const SCREENSHOTS = new URL('../../test-artifacts/screenshots/', import.meta.url);

/**
 * Clicks something that navigates and waits until the next page has loaded. Not waitForLoadState('load'): the page
 * clicked on is already loaded, so it returns at once, and click() only waits for the next page to commit, before
 * its HTML is parsed (an immediate count() can then find nothing).
 */
async function clickAndLoad(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForEvent('load'), target.click()]);
}

/** Fills the sign-in form the way a person does and waits for the page it leads to. */
async function signIn(page: Page, name: string, password = passwordOf(name)): Promise<void> {
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Password').fill(password);
  await clickAndLoad(page, page.getByRole('button', { name: 'Sign in' }));
}

test('in Chromium: sign in at /login, a viewer sees no acknowledge control, an operator acknowledges with a note, an admin reads it on /audit', async (t) => {
  const dir = makeTempDir();
  let stack: StackProcess | null = null;
  let browser: Browser | null = null;
  t.after(async () => {
    await browser?.close();
    await stack?.stop();
    dir.remove();
  });
  stack = await startStackProcess(writeStackConfig(dir.path, { sections: { server: await authServerSection() } }), ['syslog/udp']);
  const url = stack.httpUrl;
  await sendWithLogger(stack.collectorPorts.get('syslog/udp')!, TRUNK_ALARM);
  const admin = await signInCookie(url, 'ada');
  const alarmId = await eventually(async () => {
    const { alarms } = (await (await fetch(`${url}/api/v1/alarms?state=open`, { headers: { cookie: admin } })).json()) as { alarms: Array<{ id: number }> };
    assert.equal(alarms.length, 1);
    return alarms[0]!.id;
  });
  browser = await launchChromium();

  // The viewer: sent to /login, a wrong password first, then in; the alarm page offers no acknowledge form.
  const viewer: BrowserContext = await browser.newContext();
  const viewerPage = await viewer.newPage();
  await viewerPage.goto(`${url}/alarms/${alarmId}`);
  assert.equal(new URL(viewerPage.url()).pathname, '/login');
  assert.equal(new URL(viewerPage.url()).searchParams.get('next'), `/alarms/${alarmId}`);
  assert.equal(await viewerPage.title(), 'Sign in · ipo-observer');
  await signIn(viewerPage, 'vera', 'not-my-password');
  assert.match(await viewerPage.getByRole('alert').innerText(), /do not match a user/);
  await signIn(viewerPage, 'vera');
  assert.equal(new URL(viewerPage.url()).pathname, `/alarms/${alarmId}`);
  assert.match(await viewerPage.locator('header .who').innerText(), /vera \(viewer\)/);
  assert.match(await viewerPage.locator('main').innerText(), /T1 PRI 2 red alarm/);
  assert.equal(await viewerPage.locator('form.ack').count(), 0, 'no acknowledge control for a viewer');
  assert.equal(await viewerPage.locator('header nav a[href="/audit"]').count(), 0, 'no Audit link for a viewer');
  assert.match(await viewerPage.locator('main').innerText(), /may view alarms but not acknowledge them/);
  // Typing the admin page's address anyway gives a page that says why, in the UI shell.
  const refusedPage = await viewerPage.goto(`${url}/audit`);
  assert.equal(refusedPage?.status(), 403);
  assert.match(await viewerPage.locator('main').innerText(), /This page needs the admin role; you are signed in as vera \(viewer\)/);
  await viewerPage.goto(`${url}/alarms/${alarmId}`);
  // Posting the form anyway (with the viewer's cookie) is refused.
  const forged = await viewerPage.request.post(`${url}/alarms/${alarmId}/acknowledge`, { form: { note: 'sneaky' }, maxRedirects: 0 });
  assert.equal(forged.status(), 403);
  assert.equal(((await forged.json()) as { error: { code: string } }).error.code, 'IPO_ERR_FORBIDDEN');
  const cookies = await viewer.cookies();
  assert.deepEqual(
    cookies.map((c) => [c.name, c.httpOnly, c.sameSite, c.path]),
    [['ipo_session', true, 'Strict', '/']],
  );

  // The operator: acknowledges with a note through the form.
  const operator = await browser.newContext();
  const operatorPage = await operator.newPage();
  await operatorPage.goto(`${url}/login?next=${encodeURIComponent(`/alarms/${alarmId}`)}`);
  await signIn(operatorPage, 'otto');
  assert.equal(new URL(operatorPage.url()).pathname, `/alarms/${alarmId}`);
  await operatorPage.getByLabel('Note').fill('Carrier ticket 4711 opened');
  await clickAndLoad(operatorPage, operatorPage.getByRole('button', { name: 'Acknowledge', exact: true }));
  const main = await operatorPage.locator('main').innerText();
  assert.match(main, /Acknowledged\./);
  assert.match(main, /Acknowledged by otto/);

  const audit = (await (await fetch(`${url}/api/v1/audit?action=alarm.acknowledge`, { headers: { cookie: admin } })).json()) as { entries: Array<{ actor: string; role: string; via: string; target: string; detail: { note?: string } }> };
  assert.deepEqual(
    audit.entries.map((e) => [e.actor, e.role, e.via, e.target, e.detail.note]),
    [['otto', 'operator', 'session', `alarm:${alarmId}`, 'Carrier ticket 4711 opened']],
  );

  // A second tab of the operator's follows the alarms live; signing out in the first ends its stream too.
  const liveTab = await operator.newPage();
  await liveTab.goto(`${url}/alarms`);
  await liveTab.locator('#live-status.on').waitFor({ timeout: 15_000 });

  // Signing out ends the session: the next page sends the operator back to /login.
  await clickAndLoad(operatorPage, operatorPage.getByRole('button', { name: 'Sign out' }));
  await liveTab.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === '/alarms', { timeout: 20_000 });
  assert.equal(new URL(operatorPage.url()).pathname, '/login');
  await operatorPage.goto(`${url}/alarms`);
  assert.equal(new URL(operatorPage.url()).pathname, '/login');
  const logins = (await (await fetch(`${url}/api/v1/audit?actor=otto`, { headers: { cookie: admin } })).json()) as { entries: Array<{ action: string }> };
  assert.deepEqual(logins.entries.map((e) => e.action), ['logout', 'alarm.acknowledge', 'login.success']);

  // The admin: Audit in the navigation; the page lists the operator's acknowledgement with its note, and filters.
  const adminContext = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const adminPage = await adminContext.newPage();
  await adminPage.goto(`${url}/audit`);
  assert.equal(new URL(adminPage.url()).pathname, '/login');
  await signIn(adminPage, 'ada');
  assert.equal(new URL(adminPage.url()).pathname, '/audit');
  assert.equal(await adminPage.locator('header nav a[href="/audit"]').getAttribute('aria-current'), 'page');
  const ack = adminPage.locator('table.audit tbody tr[data-action="alarm.acknowledge"]');
  assert.equal(await ack.count(), 1);
  assert.match((await ack.innerText()).replace(/\s+/g, ' '), new RegExp(`otto \\(operator\\) session alarm\\.acknowledge alarm:${alarmId} note: Carrier ticket 4711 opened`));
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(new URL('audit.png', SCREENSHOTS), await adminPage.screenshot());
  await adminPage.getByLabel('Action').selectOption('logout');
  await clickAndLoad(adminPage, adminPage.getByRole('button', { name: 'Search' }));
  assert.equal(new URL(adminPage.url()).searchParams.get('action'), 'logout');
  assert.deepEqual(await adminPage.locator('table.audit tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-action'))), ['logout']);
  // The target links to the alarm.
  await adminPage.goto(`${url}/audit?action=alarm.acknowledge`);
  await clickAndLoad(adminPage, adminPage.getByRole('link', { name: `alarm:${alarmId}` }));
  assert.equal(new URL(adminPage.url()).pathname, `/alarms/${alarmId}`);
});
