import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { freeUdpPort, gstReceiverArgs, gstSenderArgs, startTool } from '../../collectors/rtcp/testdata/peers.js';
import { launchChromium } from '../helpers/browser.js';
import { eventually } from '../helpers/eventually.js';
import { getJson } from '../helpers/http-json.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const B = '1.3.6.1.4.1.6889.2.2.1.2.1';
const EVENTS = '1.3.6.1.4.1.6889.2.2.1.2.0';
const SCREENSHOTS = new URL('../../test-artifacts/screenshots/', import.meta.url);
const VIEWPORT = { width: 1366, height: 768 };

/** Head office (an SE Primary backed by its Secondary) and a branch IP500 V2 on 127.0.0.1, on a line to the Primary. */
function writeConfig(dir: string): string {
  const path = join(dir, 'config.yaml');
  writeFileSync(
    path,
    `server: { http: { listenAddress: 127.0.0.1, port: 0 } }
storage: { dataDir: ${join(dir, 'data')} }
collectors:
  syslog: { enabled: false }
  snmp: { enabled: true, traps: { listenAddress: 127.0.0.1, port: 0 }, communities: [public], polling: { enabled: false } }
  rtcp: { enabled: true, listenAddress: 127.0.0.1, port: 0, flushIntervalMs: 200 }
# The line incident stays open (settling) for the whole file, however slow the run: it closes stableSeconds after link-up.
resiliency: { stableSeconds: 3600 }
fleet:
  customers:
    - id: acme
      name: Acme Dental
      sites:
        - id: acme-hq
          name: Head office
          timeZone: Europe/London
          nodes:
            - id: hq-primary
              name: HQ Primary
              role: primary
              licenceSource: subscription
              addresses: [192.0.2.10]
              resilience:
                backup: { phones: hq-secondary, huntGroups: hq-secondary, voicemail: hq-secondary, oneXPortal: hq-secondary }
                lines: [hq-secondary]
            - { id: hq-secondary, name: HQ Secondary, role: secondary, licenceSource: subscription, addresses: [192.0.2.11] }
        - id: acme-branch
          name: Branch
          timeZone: Europe/London
          nodes:
            - id: branch-v2
              name: Branch IP500 V2
              role: ip500v2
              licenceSource: subscription
              addresses: [127.0.0.1]
              deviceId: IPO0000001
              resilience: { backup: { phones: hq-secondary }, lines: [hq-primary] }
`,
  );
  return path;
}

interface ApiCall {
  id: number;
  reports: number;
  lossPercent: number;
  node: { id: string } | null;
}

describe('the Voice quality, Licences and Resiliency pages in Chromium, fed by GStreamer RTCP and snmptrap', () => {
  const dir = makeTempDir();
  let stack: StackProcess;
  let browser: Browser;
  let page: Page;
  let call: ApiCall;
  const tools: Array<{ stop(): Promise<void> }> = [];

  before(async () => {
    stack = await startStackProcess(writeConfig(dir.path), ['rtcp/udp', 'snmp/udp']);
    const trap = (args: string[]) => run('snmptrap', ['-m', '', '-v', '2c', '-c', 'public', `127.0.0.1:${stack.collectorPorts.get('snmp/udp')!}`, '', ...args], { timeout: 10_000 });
    const common = [`${B}.10`, 's', 'IPO0000001', '1.3.6.1.2.1.1.1.0', 's', 'IP Office IP500 V2 11.1.3.0 build 23'];

    // A real call: GStreamer's receiver reports (with 5 % loss through netsim) go to the RTCP collector from 127.0.0.1.
    const [rtpPort, rtcpInPort] = [await freeUdpPort(), await freeUdpPort()];
    const receiver = startTool('gst-launch-1.0', gstReceiverArgs({ rtpPort, rtcpInPort, reportTo: stack.collectorPorts.get('rtcp/udp')! }));
    tools.push(receiver);
    const sender = startTool('gst-launch-1.0', gstSenderArgs({ rtpPort, rtcpPort: rtcpInPort }, { dropProbability: 0.05, delayProbability: 0.5, minDelayMs: 5, maxDelayMs: 80 }));
    tools.push(sender);
    call = await eventually(
      async () => {
        const { calls } = await getJson(`${stack.httpUrl}/api/v1/qos/calls?site=acme-branch`);
        const found = (calls as ApiCall[]).find((c) => c.reports >= 5 && c.lossPercent > 0);
        assert.ok(found, `calls: ${JSON.stringify(calls)}; gst: ${receiver.stderr()} ${sender.stderr()}`);
        return found;
      },
      { timeoutMs: 20_000, intervalMs: 200, message: 'a call record with loss from the GStreamer receiver reports' },
    );

    // While the call runs: the line to HQ Primary fails, and the COM License Server link is lost.
    await trap([`${EVENTS}.54`, `${B}.9`, 'i', '4', ...common, `${B}.24`, 'i', '20', `${B}.25`, 's', 'HQ Primary']);
    await trap([`${EVENTS}.24`, `${B}.9`, 'i', '4', ...common]);
    await eventually(async () => {
      const { incidents } = await getJson(`${stack.httpUrl}/api/v1/resiliency?open=true`);
      assert.equal(incidents.length, 1, JSON.stringify(incidents));
      const { licence } = await getJson(`${stack.httpUrl}/api/v1/licences/branch-v2`);
      assert.equal(licence.tracks[0].mode.id, 'subscription-grace');
    }, { message: 'the line incident and the subscription grace' });
    const reportsThen = (await getJson(`${stack.httpUrl}/api/v1/qos/calls/${call.id}`)).call.reports as number;
    await eventually(async () => assert.ok((await getJson(`${stack.httpUrl}/api/v1/qos/calls/${call.id}`)).call.reports >= reportsThen + 2), {
      timeoutMs: 10_000,
      intervalMs: 200,
      message: 'more reports after the alarms, so they fall inside the call',
    });
    await Promise.all(tools.map((tool) => tool.stop()));

    // The line comes back: the incident records it and waits to settle. Then IP Office's own QoS alarm for extension 201.
    await trap([`${EVENTS}.55`, `${B}.9`, 'i', '1', ...common, `${B}.25`, 's', 'HQ Primary']);
    await trap([`${EVENTS}.36`, `${B}.9`, 'i', '6', `${B}.10`, 's', 'IPO0000001', `${B}.13`, 'u', '45', `${B}.14`, 'u', '420', `${B}.15`, 'u', '3', `${B}.16`, 'u', '12345', `${B}.17`, 'i', '2', `${B}.18`, 'u', '7', `${B}.19`, 'u', '201']);
    await eventually(async () => {
      const { incidents } = await getJson(`${stack.httpUrl}/api/v1/resiliency`);
      assert.deepEqual(incidents[0].timeline.map((e: { kind: string }) => e.kind), ['link-down', 'link-up']);
      const { calls } = await getJson(`${stack.httpUrl}/api/v1/qos/calls?extension=201`);
      assert.equal(calls.length, 1);
    }, { message: 'the line back up and the QoS notification stored' });

    browser = await launchChromium();
    page = await browser.newPage({ viewport: VIEWPORT });
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  after(async () => {
    await Promise.all(tools.map((tool) => tool.stop()));
    await browser?.close();
    await stack?.stop();
    dir.remove();
  });

  test('/calls lists both calls with their figures, finds one by extension, and a keyboard reaches a call', async () => {
    const response = await page.goto(`${stack.httpUrl}/calls`);
    assert.equal(response?.status(), 200);
    assert.equal(await page.title(), 'Voice quality · ipo-observer');
    assert.equal(await page.locator('tbody tr[data-call-id]').count(), 2);
    const rtcpRow = (await page.locator(`tr[data-call-id="${call.id}"]`).innerText()).replace(/\s+/g, ' ');
    assert.match(rtcpRow, /Branch IP500 V2 · Branch G\.711 \d\.\d\d~?( !)? \d+\.\d( !)? \d+\.\d\d( !)? /, 'MOS, jitter, loss (5 % dropped by netsim)');
    const trapRow = page.locator('tr.poor', { hasText: '201' });
    assert.match((await trapRow.innerText()).replace(/\s+/g, ' '), /poor .* 201 .* 45\.0 ! .* 420 !/i);
    assert.equal(await trapRow.locator('td.q-bad').count() >= 2, true, 'jitter and round trip beyond the limits');
    await page.screenshot({ path: new URL('calls.png', SCREENSHOTS).pathname, fullPage: true });

    await page.fill('input[name="extension"]', '201');
    await Promise.all([page.waitForURL(/\/calls\?extension=201/), page.press('input[name="extension"]', 'Enter')]);
    assert.equal(await page.locator('tbody tr[data-call-id]').count(), 1);
    await page.selectOption('select[name="site"]', 'acme-hq');
    await page.fill('input[name="extension"]', '');
    await page.check('input[name="poor"]');
    await Promise.all([page.waitForURL(/site=acme-hq&.*poor=true/), page.click('button[type="submit"]')]);
    assert.equal(await page.locator('tbody tr[data-call-id]').count(), 0);
    assert.equal(await page.locator('#calls-region .empty').innerText(), 'No calls match.');
    await page.selectOption('select[name="site"]', 'acme-branch');
    await Promise.all([page.waitForURL(/site=acme-branch&.*poor=true/), page.click('button[type="submit"]')]);
    assert.equal(await page.locator('tbody tr[data-call-id]').count(), 2, 'both branch calls crossed a threshold');

    await page.goto(`${stack.httpUrl}/calls`);
    const target = `/calls/${call.id}`;
    let reached = false;
    for (let presses = 0; presses < 40 && !reached; presses++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }).document.activeElement?.getAttribute('href'))) === target;
    }
    assert.ok(reached, `Tab reaches ${target}`);
    await Promise.all([page.waitForURL(new RegExp(`${target}$`)), page.keyboard.press('Enter')]);
  });

  test('/calls/:id draws the uPlot chart from the call JSON and shows the branch alarms raised during the call', async () => {
    await page.goto('about:blank'); // the previous test ended on this page: only this load's data request counts
    const dataResponse = page.waitForResponse((r) => r.url().endsWith(`/api/v1/qos/calls/${call.id}`));
    await page.goto(`${stack.httpUrl}/calls/${call.id}`);
    assert.equal((await dataResponse).status(), 200, 'call-chart.js fetched the call JSON');
    const data = (await getJson(`${stack.httpUrl}/api/v1/qos/calls/${call.id}`)) as { reports: unknown[] };
    assert.ok(data.reports.length >= 7, `${data.reports.length} reports`);
    const chart = page.locator('#call-chart[data-state="drawn"]');
    await chart.waitFor();
    assert.equal(Number(await chart.getAttribute('data-points')), data.reports.length);
    const box = await page.locator('#call-chart canvas').boundingBox();
    assert.ok(box && box.width > 300 && box.height > 200, `canvas ${JSON.stringify(box)}`);
    assert.equal(await page.locator('#call-chart .u-legend .u-series').count(), 7, 'time, four figures and two limits');
    const alarms = (await page.locator('table.alarms').innerText()).replace(/\s+/g, ' ');
    assert.match(alarms, /Link failure/);
    assert.match(alarms, /Licence server communication failure/);
    assert.match(await page.locator('dl.facts').innerText(), /G\.711/);
    await page.screenshot({ path: new URL('call.png', SCREENSHOTS).pathname, fullPage: true });
  });

  test('/licences shows every configured node with its mode, and the branch grace counting down from 30 days', async () => {
    await page.goto(`${stack.httpUrl}/licences`);
    assert.equal(await page.locator('table.licences tbody th[scope="row"]').count(), 3, 'one row head per node (a node has a row per licence track)');
    const branch = (await page.locator('tr[data-node-id="branch-v2"]').first().innerText()).replace(/\s+/g, ' ');
    assert.match(branch, /Branch IP500 V2 .* Subscription grace .* (29 d 23 h|30 d 0 h) left/);
    assert.match(branch, /at risk:/);
    assert.match((await page.locator('tr[data-node-id="hq-primary"]').first().innerText()).replace(/\s+/g, ' '), /no grace running/);
    assert.match(await page.locator('.summary').innerText(), /3 nodes · 1 in grace/);
    await page.screenshot({ path: new URL('licences.png', SCREENSHOTS).pathname, fullPage: true });

    // A wall display: large type, same rows, nothing cut off sideways.
    const wall = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await wall.goto(`${stack.httpUrl}/licences?wall=1`);
    assert.equal(await wall.locator('body.wall').count(), 1);
    assert.match(await wall.locator('tr[data-node-id="branch-v2"]').first().innerText(), /(29 d 23 h|30 d 0 h) left/);
    const overflow = await wall.evaluate(() => {
      const root = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    assert.equal(overflow, 0, 'no sideways scrolling on the wall');
    await wall.screenshot({ path: new URL('licences-wall.png', SCREENSHOTS).pathname });
    await wall.close();
  });

  test('/resiliency shows the line incident with its timeline and the sites; the incident has its own page', async () => {
    await page.goto(`${stack.httpUrl}/resiliency`);
    const incident = page.locator('article.incident');
    assert.equal(await incident.count(), 1);
    assert.match(await incident.locator('h3').innerText(), /OPEN\s+IP Office Line Branch IP500 V2 <-> HQ Primary is down/);
    const entries = await incident.locator('ol.timeline li').allInnerTexts();
    assert.equal(entries.length, 2);
    // Each phase's length as durationText writes it: seconds, or minutes and seconds on a slow run.
    assert.match(entries[0]!, /UTC link-down .* then (\d+ min )?\d+ s/);
    assert.match(entries[1]!, /link-up .* for (\d+ min )?\d+ s so far/);
    assert.equal(await incident.locator('.phases .phase').count(), 2);
    assert.match((await page.locator('tr[data-site-id="acme-branch"]').innerText()).replace(/\s+/g, ' '), /Acme Dental · Branch DEGRADED .* IP Office Line Branch IP500 V2 <-> HQ Primary is down/);
    await page.screenshot({ path: new URL('resiliency.png', SCREENSHOTS).pathname, fullPage: true });

    await Promise.all([page.waitForURL(/\/resiliency\/[^/]+$/), incident.locator('h3 a').click()]);
    assert.equal(await page.locator('article.incident ol.timeline li').count(), 2);
  });

  test('alarm pages link to their call (IP Office QoS notification) and to their incident', async () => {
    const { alarms } = (await getJson(`${stack.httpUrl}/api/v1/alarms?limit=100`)) as { alarms: Array<{ id: number; code: string }> };
    const { incidents } = (await getJson(`${stack.httpUrl}/api/v1/resiliency`)) as { incidents: Array<{ id: string }> };
    const { calls } = (await getJson(`${stack.httpUrl}/api/v1/qos/calls?extension=201`)) as { calls: ApiCall[] };
    const alarmOf = (code: string) => {
      const found = alarms.find((a) => a.code === code);
      assert.ok(found, `an alarm ${code} among ${alarms.map((a) => a.code).join(', ')}`);
      return found.id;
    };
    const follow = async (alarmId: number, link: string): Promise<string> => {
      const alarmPage = `/alarms/${alarmId}`;
      await page.goto(`${stack.httpUrl}${alarmPage}`);
      // waitForLoadState would return at once (the alarm page is loaded) and click() only waits for the next page to
      // commit, not to be parsed: wait for the page the link leads to to load.
      await Promise.all([page.waitForURL((url) => url.pathname !== alarmPage), page.locator(`[data-link="${link}"] a, a[data-link="${link}"]`).first().click()]);
      return new URL(page.url()).pathname;
    };
    assert.equal(await follow(alarmOf('snmp.ipo.qos'), 'call'), `/calls/${calls[0]!.id}`);
    assert.equal(await follow(alarmOf('resiliency.incident'), 'incident'), `/resiliency/${encodeURIComponent(incidents[0]!.id)}`);
    assert.equal(await page.locator('article.incident').count(), 1, 'the incident page itself');
  });
});
