import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { eventually } from '../helpers/eventually.js';
import { getText, metricValue } from '../helpers/http-json.js';
import { startStackProcess, type StackProcess } from '../helpers/stack-process.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const SHIPPED = fileURLToPath(new URL('../../rules/known-issues.yaml', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/ipo-observer.js', import.meta.url));
const run = promisify(execFile);

test('an invalid rules file is reported and the previous rules stay; a valid one reloads (file change and SIGHUP)', async (t) => {
  const dir = makeTempDir();
  let stack: StackProcess | null = null;
  t.after(async () => {
    await stack?.stop();
    dir.remove();
  });
  const rulesDir = join(dir.path, 'rules');
  mkdirSync(rulesDir);
  copyFileSync(SHIPPED, join(rulesDir, 'known-issues.yaml'));
  const configPath = join(dir.path, 'config.yaml');
  writeFileSync(
    configPath,
    `server: { http: { listenAddress: 127.0.0.1, port: 0 } }
storage: { dataDir: ${join(dir.path, 'data')} }
collectors: { syslog: { udp: { listenAddress: 127.0.0.1, port: 0 } } }
correlation: { rulesDir: ${rulesDir} }
`,
  );
  stack = await startStackProcess(configPath, ['syslog/udp']);
  const reloads = async (result: string) => metricValue(await getText(`${stack!.httpUrl}/metrics`), 'ipo_rules_reloads_total', { result });
  // The catalogue is replaced in one step (written beside the watched folder, then renamed into it): written in
  // place, a stalled test process could leave it truncated for longer than the watcher's debounce, and the program
  // would reload a half-written file.
  const replaceCatalogue = (text: string) => {
    const staged = join(dir.path, 'known-issues.yaml.next');
    writeFileSync(staged, text);
    renameSync(staged, join(rulesDir, 'known-issues.yaml'));
  };

  const broken = readFileSync(SHIPPED, 'utf8').replace('effect: benign', 'effect: mute');
  replaceCatalogue(broken);
  await eventually(async () => assert.equal(await reloads('invalid'), 1), { message: 'the broken file should be reported' });
  // The log line and the metrics answer come through different pipes: wait for the line rather than assume it came first.
  const failure = await eventually(() => {
    const line = stack!.logLines.find((record) => record['msg'] === 'rules reload failed; the previous rules stay in force');
    assert.ok(line, 'the failed reload is logged');
    return line;
  });
  assert.match(JSON.stringify(failure), /known-issues\.yaml:\d+:\d+ rules\[\d+\]\.effect: expected one of/);

  const { stdout: ok } = await run(process.execPath, [BIN, 'check-rules']);
  assert.match(ok, /55 rules/);
  await assert.rejects(run(process.execPath, [BIN, 'check-rules', rulesDir]), (error: { code: number; stderr: string }) => {
    assert.equal(error.code, 2);
    assert.match(error.stderr, /expected one of "annotate", "benign", "raise"; got "mute"/);
    return true;
  });

  replaceCatalogue(readFileSync(SHIPPED, 'utf8'));
  await eventually(async () => assert.ok((await reloads('ok')) >= 1), { message: 'the fixed file should reload' });
  const before = await reloads('ok');
  stack.child.kill('SIGHUP');
  await eventually(async () => assert.equal(await reloads('ok'), before + 1), { message: 'SIGHUP should reload' });
});
