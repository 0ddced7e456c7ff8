import { join } from 'node:path';
import { LICENCE_STATES_FILE, loadLicenceStates } from '../../rules/licence-load.js';
import type { KnownIssueRule } from '../../rules/schema.js';
import { CompiledLicenceCatalogue } from './catalogue.js';
import type { SuspectNote } from './licence-events.js';

/** Loads and compiles `<dir>/licence-states.yaml`; throws CodedError (IPO_ERR_RULES_*) naming every problem. */
export function loadLicenceCatalogue(dir: string): CompiledLicenceCatalogue {
  return new CompiledLicenceCatalogue(loadLicenceStates(join(dir, LICENCE_STATES_FILE)));
}

/** The suspect flag's words come from the known-issue rule itself, never a copy of its text. */
export function suspectNoteOf(rule: Pick<KnownIssueRule, 'id' | 'vendorId' | 'title' | 'workaround'> | undefined): SuspectNote | null {
  return rule ? { ruleId: rule.id, vendorId: rule.vendorId ?? null, title: rule.title, workaround: rule.workaround } : null;
}
