import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '../helpers/temp-dir.js';

const BIN = fileURLToPath(new URL('../../bin/ipo-observer.js', import.meta.url));
const EXIT_TIMEOUT_MS = 20_000;

test('a start that fails half-way (HTTP port taken) stops what it started and exits 1 with the code', async (t) => {
  const dir = makeTempDir();
  const blocker = createServer();
  t.after(() => {
    blocker.close();
    dir.remove();
  });
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const { port } = blocker.address() as { port: number };
  const configPath = join(dir.path, 'config.yaml');
  writeFileSync(
    configPath,
    `server: { http: { listenAddress: 127.0.0.1, port: ${port} } }
storage: { dataDir: ${join(dir.path, 'data')} }
collectors: { syslog: { udp: { listenAddress: 127.0.0.1, port: 0 } } }
`,
  );
  const child = spawn(process.execPath, [BIN, 'start', '--config', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGKILL'));
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), EXIT_TIMEOUT_MS);
  // 'close', not 'exit': 'exit' can come before the last of stdout has been read (the line with the code).
  const [code, signal] = (await once(child, 'close')) as [number | null, string | null];
  clearTimeout(timer);
  assert.equal(signal, null, 'it exited by itself: no watcher or timer kept it alive');
  assert.equal(code, 1);
  assert.match(stdout, /"code":"IPO_ERR_HTTP_BIND_FAILED"/);
  assert.doesNotMatch(stdout, /collector listening/, 'no collector was started');
});
