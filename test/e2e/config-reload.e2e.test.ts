import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eventually } from '../helpers/eventually.js';
import { getJson, getText, metricValue } from '../helpers/http-json.js';
import { sendWithLogger } from '../helpers/send-logger.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { writeStackConfig } from '../helpers/stack-config.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const BIN = fileURLToPath(new URL('../../bin/ipo-observer.js', import.meta.url));
const run = promisify(execFile);

/**
 * The configuration is read once, at start: SIGHUP reloads the rule catalogues only (rules-reload.e2e.test.ts).
 * So an invalid configuration file can never replace a running one; it is caught by check-config, and a start
 * with it exits 2 without opening the data folder.
 */
test('an invalid config file under a running stack: SIGHUP keeps the running configuration, check-config and start refuse it with exit 2', async (t) => {
  const dir = makeTempDir();
  let stack: StackProcess | null = null;
  t.after(async () => {
    await stack?.stop();
    dir.remove();
  });
  const configPath = writeStackConfig(dir.path);
  stack = await startStackProcess(configPath, ['syslog/udp']);
  const port = stack.collectorPorts.get('syslog/udp')!;

  const valid = readFileSync(configPath, 'utf8');
  writeFileSync(configPath, valid.replace('port: 0', 'port: "not a port"').replace('dataDir:', 'dataDirectory:'));
  const reloadsBefore = metricValue(await getText(`${stack.httpUrl}/metrics`), 'ipo_rules_reloads_total', { result: 'ok' });
  stack.child.kill('SIGHUP');
  await eventually(async () => assert.equal(metricValue(await getText(`${stack!.httpUrl}/metrics`), 'ipo_rules_reloads_total', { result: 'ok' }), reloadsBefore + 1), { message: 'SIGHUP reloads the rules' });

  // Still running on the configuration it started with: same port, storing alarms.
  await sendWithLogger(port, 'Alarm: Trunk: Trunk Slot B, T1 PRI 2 red alarm');
  await eventually(async () => assert.equal((await getJson(`${stack!.httpUrl}/api/v1/alarms?state=open`)).alarms.length, 1));
  assert.equal((await getJson(`${stack.httpUrl}/api/v1/health`)).status, 'ok');

  const refused = (error: { code: number; stderr: string }) => {
    assert.equal(error.code, 2);
    assert.match(error.stderr, /IPO_ERR_CONFIG/);
    assert.match(error.stderr, /dataDirectory/);
    return true;
  };
  await assert.rejects(run(process.execPath, [BIN, 'check-config', configPath]), refused);
  await assert.rejects(run(process.execPath, [BIN, 'start', '--config', configPath]), refused);
  assert.equal(stack.child.exitCode, null, 'the running stack is untouched');
  assert.equal(await stack.stop(), 0);
});
