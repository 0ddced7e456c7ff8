import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { validateYamlText, type YamlFileKind } from '../src/config/validate-yaml.js';
import { CodedError } from '../src/errors.js';
import { CompiledLicenceCatalogue } from '../src/licence/catalogue.js';
import { caseFilePaths, KNOWN_ISSUES_FILE } from './check.js';
import { licenceCaseFileSchema, type LicenceCaseFile } from './licence-case-schema.js';
import { LICENCE_STATES_FILE, loadLicenceStates, type LicenceCatalogue } from './licence-load.js';
import { runLicenceCase } from './licence-run-cases.js';
import { loadKnownIssues, readRuleFile } from './load.js';
import type { KnownIssueCatalogue } from './schema.js';

export const LICENCE_CASES_DIR = join('cases', 'licence-states');

const CASE_FILE: YamlFileKind = { noun: 'licence case file', yamlError: 'IPO_ERR_RULES_YAML', invalidError: 'IPO_ERR_RULES_INVALID' };

export function loadLicenceCaseFile(path: string): LicenceCaseFile {
  return validateYamlText(readRuleFile(path, 'licence case file'), path, licenceCaseFileSchema, CASE_FILE);
}

/**
 * The licence half of `ipo-observer check-rules [dir]`: loads `<dir>/licence-states.yaml` (absent: nothing to
 * check), checks that every `suspect` names a rule of `<dir>/known-issues.yaml`, runs every scenario of
 * `<dir>/cases/licence-states/`, and requires that together they exercise every transition and every grace expiry.
 * Never throws for a problem in the files; `message` lists all of them.
 */
export function checkLicenceStates(dir: string): { ok: true; summary: string } | { ok: false; message: string } {
  const path = join(dir, LICENCE_STATES_FILE);
  if (!existsSync(path)) return { ok: true, summary: `${path}: absent, nothing to check` };
  let catalogue: LicenceCatalogue;
  try {
    catalogue = loadLicenceStates(path);
  } catch (error) {
    if (error instanceof CodedError) return { ok: false, message: error.message };
    throw error;
  }
  const problems: string[] = [];
  const knownIssues = loadKnownIssuesOrNull(join(dir, KNOWN_ISSUES_FILE));
  if (knownIssues) problems.push(...suspectProblems(catalogue, knownIssues, path));
  const lines = [`${path}: ${describeLicenceCatalogue(catalogue)}`];

  const casesDir = join(dir, LICENCE_CASES_DIR);
  if (!existsSync(casesDir)) return finish(problems, [...lines, `${casesDir}: no case files (folder missing)`]);
  const compiled = new CompiledLicenceCatalogue(catalogue);
  const exercised = new Set<string>();
  let steps = 0;
  let checks = 0;
  const paths = caseFilePaths(casesDir);
  for (const casePath of paths) {
    let file: LicenceCaseFile;
    try {
      file = loadLicenceCaseFile(casePath);
    } catch (error) {
      if (!(error instanceof CodedError)) throw error;
      problems.push(error.message);
      continue;
    }
    const outcome = runLicenceCase(file, compiled, knownIssues);
    steps += outcome.steps;
    checks += outcome.checks;
    for (const key of outcome.exercised) exercised.add(key);
    problems.push(...outcome.failures.map((failure) => `${casePath}: "${file.name}", ${failure}`));
  }
  const missing = requiredPaths(catalogue).filter((key) => !exercised.has(key));
  if (missing.length > 0) problems.push(`${casesDir}: no scenario exercises ${missing.map((key) => key.replace('|', ' on ')).join('; ')}`);
  lines.push(`${casesDir}: ${paths.length} case files, ${steps} steps and ${checks} expectations checked; every transition and grace expiry exercised`);
  return finish(problems, lines);
}

function finish(problems: string[], lines: string[]): { ok: true; summary: string } | { ok: false; message: string } {
  if (problems.length > 0) return { ok: false, message: [`Licence-state check failed (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):`, ...problems].join('\n') };
  return { ok: true, summary: lines.join('\n') };
}

/** "14 modes on 2 tracks, 9 signals, 16 transitions (7 inferred), 3 grace periods". */
export function describeLicenceCatalogue(catalogue: LicenceCatalogue): string {
  const inferred = catalogue.transitions.filter((transition) => transition.inferred).length;
  const graces = catalogue.modes.filter((mode) => mode.grace).length;
  return `${catalogue.modes.length} modes on ${catalogue.tracks.length} tracks, ${catalogue.signals.length} signals, ${catalogue.transitions.length} transitions (${inferred} inferred), ${graces} grace periods`;
}

/** Every `<from>|<on>` of the transitions and every `<mode>|grace-expired`: what the scenarios must show working. */
export function requiredPaths(catalogue: LicenceCatalogue): string[] {
  return [
    ...catalogue.transitions.flatMap((transition) => transition.from.map((from) => `${from}|${transition.on}`)),
    ...catalogue.modes.filter((mode) => mode.grace?.expiresTo).map((mode) => `${mode.id}|grace-expired`),
  ];
}

function suspectProblems(catalogue: LicenceCatalogue, knownIssues: KnownIssueCatalogue, path: string): string[] {
  const ids = new Set(knownIssues.rules.map((rule) => rule.id));
  return catalogue.transitions.flatMap((transition, index) =>
    transition.suspect !== undefined && !ids.has(transition.suspect) ? [`${path}: transitions[${index}].suspect: no known-issue rule "${transition.suspect}" in ${KNOWN_ISSUES_FILE}`] : [],
  );
}

/** The known-issue catalogue beside it, for the suspect cross-check; its own problems are check-rules' other half. */
function loadKnownIssuesOrNull(path: string): KnownIssueCatalogue | null {
  try {
    return loadKnownIssues(path);
  } catch (error) {
    if (error instanceof CodedError) return null;
    throw error;
  }
}
