import { validateYamlText, type YamlFileKind } from '../src/config/validate-yaml.js';
import { readRuleFile } from './load.js';
import { licenceCatalogueSchema, type LicenceCatalogue } from './licence-schema.js';

export type { LicenceCatalogue, LicenceMode, LicenceSignal, LicenceTrack, LicenceTransitionRule } from './licence-schema.js';

export const LICENCE_STATES_FILE = 'licence-states.yaml';

const LICENCE_CATALOGUE_FILE: YamlFileKind = { noun: 'licence-state catalogue', yamlError: 'IPO_ERR_RULES_YAML', invalidError: 'IPO_ERR_RULES_INVALID' };

/**
 * Reads and validates the licence-state catalogue. Throws CodedError IPO_ERR_RULES_READ, _YAML or _INVALID; an
 * invalid file's message lists every problem at once as `file:line:column key.path: …`, cross-checks included.
 */
export function loadLicenceStates(path: string): LicenceCatalogue {
  return parseLicenceStates(readRuleFile(path, 'licence-state catalogue'), path);
}

/** Validates catalogue text; `fileName` is only used in messages. */
export function parseLicenceStates(text: string, fileName: string): LicenceCatalogue {
  return validateYamlText(text, fileName, licenceCatalogueSchema, LICENCE_CATALOGUE_FILE);
}
