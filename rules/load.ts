import { readFileSync } from 'node:fs';
import { validateYamlText, type YamlFileKind } from '../src/config/validate-yaml.js';
import { CodedError } from '../src/errors.js';
import { knownIssueCatalogueSchema, type KnownIssueCatalogue } from './schema.js';

export type { KnownIssueCatalogue, KnownIssueRule } from './schema.js';

const RULE_CATALOGUE_FILE: YamlFileKind = { noun: 'rule catalogue', yamlError: 'IPO_ERR_RULES_YAML', invalidError: 'IPO_ERR_RULES_INVALID' };

/**
 * Reads and validates a known-issue catalogue. Throws CodedError IPO_ERR_RULES_READ, _YAML or _INVALID; an
 * invalid file's message lists every problem at once, each as `file:line:column key.path: …`, schema and
 * cross-checks alike (duplicate ids, regular expressions that do not compile, empty release ranges, citations).
 */
export function loadKnownIssues(path: string): KnownIssueCatalogue {
  return parseKnownIssues(readRuleFile(path, 'rule catalogue'), path);
}

/** Validates catalogue text; `fileName` is only used in messages. */
export function parseKnownIssues(text: string, fileName: string): KnownIssueCatalogue {
  return validateYamlText(text, fileName, knownIssueCatalogueSchema, RULE_CATALOGUE_FILE);
}

/** The text of a rule file, or IPO_ERR_RULES_READ naming the path and the OS error. */
export function readRuleFile(path: string, noun: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CodedError('IPO_ERR_RULES_READ', `Cannot read ${noun} ${path}: ${(error as Error).message}`, { cause: error });
  }
}
