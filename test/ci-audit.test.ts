import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { makeTempDir } from './helpers/temp-dir.js';

const SCRIPT = fileURLToPath(new URL('../.ci/audit.mjs', import.meta.url));

/** Runs .ci/audit.mjs with a fake `npm` first on PATH that prints `stdout` and exits with `status`. */
function audit(stdout: unknown, status: number) {
  const dir = makeTempDir();
  try {
    writeFileSync(join(dir.path, 'answer.json'), typeof stdout === 'string' ? stdout : JSON.stringify(stdout));
    writeFileSync(join(dir.path, 'npm'), `#!/bin/sh\ncat "${join(dir.path, 'answer.json')}"\nexit ${status}\n`);
    chmodSync(join(dir.path, 'npm'), 0o755);
    const result = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', env: { ...process.env, PATH: `${dir.path}:${process.env['PATH']}` } });
    return { status: result.status, output: result.stdout + result.stderr };
  } finally {
    dir.remove();
  }
}

const vulnerabilities = (high: number, critical: number) => ({ metadata: { vulnerabilities: { info: 0, low: 2, moderate: 1, high, critical, total: 3 + high + critical } } });

test('a clean audit, or only low and moderate advisories, passes', () => {
  const result = audit(vulnerabilities(0, 0), 0);
  assert.equal(result.status, 0);
  assert.match(result.output, /no high or critical advisories/);
});

test('high or critical advisories fail the step', () => {
  assert.equal(audit(vulnerabilities(1, 0), 1).status, 1);
  const critical = audit(vulnerabilities(0, 2), 1);
  assert.equal(critical.status, 1);
  assert.match(critical.output, /2 critical and 0 high advisories/);
});

test('a 405 from the advisory endpoint passes with a loud "audit unavailable", and only that failure does', () => {
  const unavailable = audit({ message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', method: 'POST', uri: 'https://registry.example/-/npm/v1/security/advisories/bulk', statusCode: 405 }, 1);
  assert.equal(unavailable.status, 0);
  assert.match(unavailable.output, /audit unavailable: registry answered 405/);
  const otherEndpoint = audit({ message: '405 Method Not Allowed - GET https://registry.example/left-pad', uri: 'https://registry.example/left-pad', statusCode: 405 }, 1);
  assert.equal(otherEndpoint.status, 1);
  const serverError = audit({ message: '500 Internal Server Error', uri: 'https://registry.example/-/npm/v1/security/advisories/bulk', statusCode: 500 }, 1);
  assert.equal(serverError.status, 1);
  const offline = audit('npm error code ENOTFOUND', 1);
  assert.equal(offline.status, 1);
  assert.match(offline.output, /for a reason other than an unavailable advisory endpoint/);
});
