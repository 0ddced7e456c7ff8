import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError } from '../../errors.js';
import type { InfluxdbSinkConfig } from './config.js';
import { InfluxSink, type InfluxSinkDeps } from './sink.js';
import { createInfluxWriter, type InfluxCredentials } from './writer.js';

export { InfluxSink } from './sink.js';

/** The spool lives in the data folder, beside the database. */
export const SPOOL_FOLDER = 'influx-spool';

/**
 * Builds the sink from its config: resolves the token (inline, from an environment variable or from a file), creates
 * the client's writer (v2 API, or v1 through the transport rewrite) and opens the spool in <dataDir>/influx-spool.
 */
export function createInfluxSink(config: InfluxdbSinkConfig, dataDir: string, deps: Omit<InfluxSinkDeps, 'config' | 'spoolDir' | 'writer'>): InfluxSink {
  const writer = createInfluxWriter(config, resolveCredentials(config), deps.log);
  return new InfluxSink({ ...deps, config, spoolDir: join(dataDir, SPOOL_FOLDER), writer });
}

export function resolveCredentials(config: InfluxdbSinkConfig, env: NodeJS.ProcessEnv = process.env): InfluxCredentials {
  let token = config.token;
  if (config.tokenEnv !== null) {
    token = env[config.tokenEnv] ?? null;
    if (!token) throw new CodedError('IPO_ERR_CONFIG_INVALID', `sinks.influxdb.tokenEnv: the environment variable ${config.tokenEnv} is not set or empty; export the InfluxDB token in it`);
  }
  if (config.tokenFile !== null) {
    try {
      token = readFileSync(config.tokenFile, 'utf8').trim();
    } catch (error) {
      throw new CodedError('IPO_ERR_CONFIG_READ', `sinks.influxdb.tokenFile: cannot read ${config.tokenFile}: ${(error as Error).message}`, { cause: error });
    }
    if (!token) throw new CodedError('IPO_ERR_CONFIG_INVALID', `sinks.influxdb.tokenFile: ${config.tokenFile} is empty; put the InfluxDB token in it`);
  }
  return { token, username: config.username, password: config.password };
}
