import { readFileSync } from 'node:fs';
import { CodedError } from '../errors.js';
import { configSchema, type Config } from './schema.js';
import { validateYamlText, type YamlFileKind } from './validate-yaml.js';

const CONFIG_FILE: YamlFileKind = {
  noun: 'configuration',
  yamlError: 'IPO_ERR_CONFIG_YAML',
  invalidError: 'IPO_ERR_CONFIG_INVALID',
  // An empty file, or one with only comments, has no content: all defaults.
  whenEmpty: {},
};

/** Reads and validates a configuration file. Throws CodedError: IPO_ERR_CONFIG_READ, _YAML or _INVALID. */
export function loadConfigFile(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CodedError('IPO_ERR_CONFIG_READ', `Cannot read configuration file ${path}: ${(error as Error).message}`, { cause: error });
  }
  return parseConfigText(text, path);
}

/**
 * Validates configuration text; `fileName` is only used in messages. Reports
 * every problem at once, one line each, sorted by position:
 * `<file>:<line>:<column> <key.path>: expected …; got …`.
 */
export function parseConfigText(text: string, fileName: string): Config {
  return validateYamlText(text, fileName, configSchema, CONFIG_FILE);
}
