import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeTempDir } from '../../../test/helpers/temp-dir.js';
import { parseConfigText } from '../../config/load.js';
import { DEFAULT_INFLUXDB_SINK_CONFIG, influxdbSinkConfigSchema } from './config.js';
import { resolveCredentials } from './index.js';

const parse = (value: unknown) => influxdbSinkConfigSchema.safeParse(value);

test('off by default, and the defaults are the documented ones', () => {
  assert.deepEqual(influxdbSinkConfigSchema.parse({}), DEFAULT_INFLUXDB_SINK_CONFIG);
  assert.equal(DEFAULT_INFLUXDB_SINK_CONFIG.enabled, false);
});

test('the token is given one way only, username and password together, retry bounds in order', () => {
  assert.match(String(parse({ token: 'a', tokenEnv: 'T' }).error?.message), /one way only/);
  assert.match(String(parse({ username: 'u' }).error?.message), /username and password go together/);
  assert.match(String(parse({ retry: { initialSeconds: 10, maxSeconds: 1 } }).error?.message), /at least retry.initialSeconds/);
  assert.equal(parse({ url: 'ftp://x' }).success, false);
  assert.equal(parse({ apiVersion: 'v3' }).success, false);
  assert.equal(parse({ spool: { maxBytes: 1000 } }).success, false, 'at least 64 KiB');
  assert.equal(parse({ bucket: 'ipo', tokne: 'x' }).success, false, 'unknown keys are errors');
});

test('a wrong secret is reported without its value', () => {
  assert.throws(
    () => parseConfigText('sinks:\n  influxdb:\n    token: ""\n', 'c.yaml'),
    (error: Error) => {
      assert.match(error.message, /c\.yaml:3:\d+ sinks\.influxdb\.token: must be at least 1 character long \(the value is secret and not shown\)/);
      return true;
    },
  );
});

test('the token comes from the config, an environment variable or a file', (t) => {
  const dir = makeTempDir();
  t.after(() => dir.remove());
  const file = join(dir.path, 'token');
  writeFileSync(file, 'from-file\n');
  const base = influxdbSinkConfigSchema.parse({});
  assert.equal(resolveCredentials({ ...base, token: 'inline' }).token, 'inline');
  assert.equal(resolveCredentials({ ...base, tokenEnv: 'INFLUX_TOKEN' }, { INFLUX_TOKEN: 'from-env' }).token, 'from-env');
  assert.equal(resolveCredentials({ ...base, tokenFile: file }).token, 'from-file');
  assert.throws(() => resolveCredentials({ ...base, tokenEnv: 'MISSING' }, {}), { code: 'IPO_ERR_CONFIG_INVALID' });
  assert.throws(() => resolveCredentials({ ...base, tokenFile: join(dir.path, 'nope') }), { code: 'IPO_ERR_CONFIG_READ' });
});
