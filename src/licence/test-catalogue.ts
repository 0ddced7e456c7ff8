import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnownIssues } from '../../rules/load.js';
import { createRuleMatcher } from '../../rules/matcher.js';
import type { KnownIssueCatalogue } from '../../rules/schema.js';
import type { CompiledLicenceCatalogue } from './catalogue.js';
import { loadLicenceCatalogue, suspectNoteOf } from './load.js';
import { LicenceReplay, type ReplayNode, type ReplayOptions } from './replay.js';

const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

let licence: CompiledLicenceCatalogue | undefined;
let knownIssues: KnownIssueCatalogue | undefined;

/** The shipped catalogues, loaded once per test process. */
export function shippedCatalogues(): { licence: CompiledLicenceCatalogue; knownIssues: KnownIssueCatalogue } {
  licence ??= loadLicenceCatalogue(RULES_DIR);
  knownIssues ??= loadKnownIssues(join(RULES_DIR, 'known-issues.yaml'));
  return { licence, knownIssues };
}

/** A replay on the shipped catalogues, with the known-issue matcher annotating alarms as in production. */
export function shippedReplay(nodes: ReplayNode[], options: Pick<ReplayOptions, 'start' | 'onChange'> = {}): LicenceReplay {
  const { licence: catalogue, knownIssues: issues } = shippedCatalogues();
  return new LicenceReplay({
    catalogue,
    nodes,
    rules: createRuleMatcher(issues),
    knownIssue: (id) => suspectNoteOf(issues.rules.find((rule) => rule.id === id)),
    ...options,
  });
}
