import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.js';
import { eventually } from '../helpers/eventually.js';
import { getJson } from '../helpers/http-json.js';
import { sendWithLogger } from '../helpers/send-logger.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const ARTIFACTS = new URL('../../.test-artifacts/', import.meta.url);

test('the open-alarms page shows a logger alarm in Chromium, worst first, with a link to its detail', async (t) => {
  const dir = makeTempDir();
  let stack: StackProcess | null = null;
  let browser: Browser | null = null;
  t.after(async () => {
    await browser?.close();
    await stack?.stop();
    dir.remove();
  });
  const configPath = join(dir.path, 'config.yaml');
  writeFileSync(
    configPath,
    `server: { http: { listenAddress: 127.0.0.1, port: 0 } }
storage: { dataDir: ${join(dir.path, 'data')} }
collectors: { syslog: { udp: { listenAddress: 127.0.0.1, port: 0 } } }
fleet:
  customers:
    - id: borealis
      name: Borealis Logistics
      sites:
        - id: borealis-depot
          name: Depot
          timeZone: Europe/Oslo
          nodes:
            - { id: depot-ip500, name: Depot IP500 V2, role: ip500v2, addresses: [127.0.0.1] }
`,
  );
  stack = await startStackProcess(configPath, ['syslog/udp']);
  const port = stack.collectorPorts.get('syslog/udp')!;
  await sendWithLogger(port, 'Alarm: Service: Voicemail storage nearly full', { priority: 'local0.warning' });
  await sendWithLogger(port, 'Alarm: Trunk: Trunk Slot A, analog line 3 no dial tone', { priority: 'local0.crit' });
  await eventually(async () => assert.equal((await getJson(`${stack!.httpUrl}/api/v1/alarms?state=open`)).alarms.length, 2));

  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const response = await page.goto(`${stack.httpUrl}/`);
  assert.equal(response?.status(), 200);
  assert.equal(await page.title(), 'Open alarms · ipo-observer');

  const rows = page.locator('tbody tr');
  assert.equal(await rows.count(), 2);
  const firstRow = (await rows.nth(0).innerText()).replace(/\s+/g, ' ');
  assert.match(firstRow, /critical Depot IP500 V2 Trunk lines Trunk Slot A, analog line 3 no dial tone 1/);
  assert.match((await rows.nth(1).innerText()).replace(/\s+/g, ' '), /warning Depot IP500 V2 Generic Voicemail storage nearly full/);
  assert.equal(await page.locator('caption').innerText(), '2 open alarms');

  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(new URL('alarms-page.png', ARTIFACTS), await page.screenshot({ fullPage: true }));

  // Keyboard: the first Tab reaches the first alarm's link, Enter follows it to the alarm's JSON.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement.textContent);
  assert.equal(focused, 'Trunk Slot A, analog line 3 no dial tone');
  await Promise.all([page.waitForURL(/\/api\/v1\/alarms\/\d+$/), page.keyboard.press('Enter')]);
  const detail = JSON.parse(await page.locator('body').innerText()) as { alarm: { severity: string } };
  assert.equal(detail.alarm.severity, 'critical');
});
