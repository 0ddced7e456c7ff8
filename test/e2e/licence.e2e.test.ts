import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { eventually } from '../helpers/eventually.js';
import { getJson, getText, metricValue } from '../helpers/http-json.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const B = '1.3.6.1.4.1.6889.2.2.1.2.1';
const EVENTS = '1.3.6.1.4.1.6889.2.2.1.2.0';
const COMMON = [`${B}.10`, 's', 'IPO0000001', '1.3.6.1.2.1.1.1.0', 's', 'IP Office IP500 V2 11.1.3.0 build 23'];

function writeConfig(dir: string): string {
  const path = join(dir, 'config.yaml');
  writeFileSync(
    path,
    `server:
  http: { listenAddress: 127.0.0.1, port: 0 }
storage:
  dataDir: ${join(dir, 'data')}
collectors:
  syslog:
    enabled: false
  snmp:
    enabled: true
    traps: { listenAddress: 127.0.0.1, port: 0 }
    communities: [public]
    polling: { enabled: false }
fleet:
  customers:
    - id: borealis
      name: Borealis Logistics
      sites:
        - id: warehouse
          name: Warehouse
          timeZone: Europe/London
          nodes:
            - id: bor-v2
              name: Warehouse IP500 V2
              role: ip500v2
              licenceSource: subscription
              addresses: [127.0.0.1]
              deviceId: IPO0000001
            - id: bor-se-sec
              name: Warehouse SE Secondary
              role: secondary
              licenceSource: subscription
              addresses: [192.0.2.77]
`,
  );
  return path;
}

interface LicenceNode {
  node: { id: string };
  tracks: Array<{ track: string; mode: { id: string; until: string | null }; grace: { daysRemaining: number; dailyAlarms: number } | null }>;
  findings: Array<{ check: string }>;
}

async function licenceOf(url: string, nodeId: string): Promise<LicenceNode> {
  return (await getJson(`${url}/api/v1/licences/${nodeId}`)).licence as LicenceNode;
}

test('an LKS failure trap puts a subscription node into its 30-day grace, which survives a restart; the Operational trap ends it', async (t) => {
  const dir = makeTempDir();
  let stack: StackProcess | null = null;
  t.after(async () => {
    await stack?.stop();
    dir.remove();
  });
  const config = writeConfig(dir.path);
  stack = await startStackProcess(config, ['snmp/udp']);

  // The Secondary configured with its own License Server Link is reported at start (000:8).
  assert.ok(stack.logLines.some((line) => line['check'] === 'se-link-on-non-primary' && line['level'] === 40), 'a warning in the log');
  const secondary = await licenceOf(stack.httpUrl, 'bor-se-sec');
  assert.deepEqual(secondary.findings.map((finding) => finding.check), ['se-link-on-non-primary', 'se-primary-without-link']);

  const trap = (number: number, severity: string) => ['-m', '', '-v', '2c', '-c', 'public', `127.0.0.1:${stack!.collectorPorts.get('snmp/udp')!}`, '', `${EVENTS}.${number}`, `${B}.9`, 'i', severity, ...COMMON];
  await run('snmptrap', trap(24, '4'), { timeout: 10_000 });

  const inGrace = await eventually(async () => {
    const licence = await licenceOf(stack!.httpUrl, 'bor-v2');
    assert.equal(licence.tracks[0]?.mode.id, 'subscription-grace');
    return licence;
  }, { message: 'the LKS failure should start the subscription grace' });
  assert.deepEqual([inGrace.tracks[0]?.grace?.daysRemaining, inGrace.tracks[0]?.grace?.dailyAlarms], [30, 1]);
  await eventually(async () => {
    const { alarms } = await getJson(`${stack!.httpUrl}/api/v1/alarms?state=open&category=License&node=bor-v2`);
    const found = (alarms as Array<{ code: string; severity: string }>).map((alarm) => `${alarm.code} ${alarm.severity}`).sort();
    assert.deepEqual(found, ['licence.grace minor', 'licence.subscription-daily warning', 'snmp.ipo.lks major']);
  }, { message: 'the trap\'s alarm and the grace\'s two' });
  const fleetView = await getJson(`${stack.httpUrl}/api/v1/licences`);
  assert.equal(fleetView.summary.inGrace, 1);
  assert.equal(metricValue(await getText(`${stack.httpUrl}/metrics`), 'ipo_licence_nodes', { track: 'licence', mode: 'subscription-grace' }), 1);

  // Restart: the state and its countdown come back from SQLite.
  assert.equal(await stack.stop(), 0);
  stack = await startStackProcess(config, ['snmp/udp']);
  const resumed = await licenceOf(stack.httpUrl, 'bor-v2');
  assert.deepEqual([resumed.tracks[0]?.mode.id, resumed.tracks[0]?.mode.until], ['subscription-grace', inGrace.tracks[0]?.mode.until]);

  await run('snmptrap', trap(25, '1'), { timeout: 10_000 });
  await eventually(async () => assert.equal((await licenceOf(stack!.httpUrl, 'bor-v2')).tracks[0]?.mode.id, 'subscription-normal'), { message: 'the Operational trap should end the grace' });
  await eventually(async () => {
    const { alarms } = await getJson(`${stack!.httpUrl}/api/v1/alarms?state=open&category=License&node=bor-v2`);
    assert.deepEqual(alarms, []);
  }, { message: 'every licence alarm of the node should clear' });
});
