import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { validateYamlText, type YamlFileKind } from '../src/config/validate-yaml.js';
import { CodedError } from '../src/errors.js';
import { caseFileSchema, type CaseFile } from './case-schema.js';
import { loadKnownIssues, readRuleFile } from './load.js';
import { createRuleMatcher } from './matcher.js';
import { runRuleCases } from './run-cases.js';
import type { KnownIssueCatalogue } from './schema.js';

export const KNOWN_ISSUES_FILE = 'known-issues.yaml';
export const KNOWN_ISSUE_CASES_DIR = join('cases', 'known-issues');

const CASE_FILE: YamlFileKind = { noun: 'rule case file', yamlError: 'IPO_ERR_RULES_YAML', invalidError: 'IPO_ERR_RULES_INVALID' };

/** One case file, named after its rule. */
export interface LoadedCaseFile {
  ruleId: string;
  path: string;
  file: CaseFile;
}

/** Reads and validates one case file; throws CodedError like the catalogue loader. */
export function loadCaseFile(path: string): CaseFile {
  return validateYamlText(readRuleFile(path, 'rule case file'), path, caseFileSchema, CASE_FILE);
}

/** The `.yaml` files of a cases folder, in name order. */
export function caseFilePaths(casesDir: string): string[] {
  return readdirSync(casesDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => join(casesDir, name));
}

/**
 * What `ipo-observer check-rules [dir]` runs: loads `<dir>/known-issues.yaml`, then, when
 * `<dir>/cases/known-issues/` exists, checks that every rule has a case file and every case file a rule, and
 * runs every case. Never throws for a problem in the files; `message` lists all of them.
 */
export function checkRules(dir: string): { ok: true; summary: string } | { ok: false; message: string } {
  const cataloguePath = join(dir, KNOWN_ISSUES_FILE);
  let catalogue: KnownIssueCatalogue;
  try {
    catalogue = loadKnownIssues(cataloguePath);
  } catch (error) {
    if (error instanceof CodedError) return { ok: false, message: error.message };
    throw error;
  }
  const lines = [`${cataloguePath}: ${describeCatalogue(catalogue)}`];

  const casesDir = join(dir, KNOWN_ISSUE_CASES_DIR);
  if (!existsSync(casesDir)) return { ok: true, summary: [...lines, `${casesDir}: no case files (folder missing)`].join('\n') };

  const problems: string[] = [];
  const loaded: LoadedCaseFile[] = [];
  for (const path of caseFilePaths(casesDir)) {
    try {
      loaded.push({ ruleId: ruleIdOf(path), path, file: loadCaseFile(path) });
    } catch (error) {
      if (!(error instanceof CodedError)) throw error;
      problems.push(error.message);
    }
  }
  problems.push(...coverageProblems(catalogue, caseFilePaths(casesDir), casesDir));

  const matcher = createRuleMatcher(catalogue);
  let events = 0;
  let exposures = 0;
  for (const { ruleId, path, file } of loaded) {
    const rule = catalogue.rules.find((candidate) => candidate.id === ruleId);
    if (!rule) continue; // reported by coverageProblems
    const outcome = runRuleCases(ruleId, file, matcher, catalogue);
    events += outcome.events;
    exposures += outcome.exposures;
    problems.push(...outcome.failures.map((failure) => `${path}: ${failure}`));
    if (outcome.positives === 0) problems.push(`${path}: no case shows the rule matching (an event it matches, or a node exposed to it)`);
    if (outcome.negatives === 0) problems.push(`${path}: no negative case (an event or node the rule must leave alone)`);
  }

  if (problems.length > 0) return { ok: false, message: [`Rule check failed (${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}):`, ...problems].join('\n') };
  lines.push(`${casesDir}: ${loaded.length} case files, ${events} events and ${exposures} exposures checked, all as expected`);
  return { ok: true, summary: lines.join('\n') };
}

/** The rule a case file is for: its file name without `.yaml`. */
export function ruleIdOf(path: string): string {
  return basename(path, '.yaml');
}

/** Rules without a case file, and case files for rules the catalogue does not have. */
export function coverageProblems(catalogue: KnownIssueCatalogue, paths: readonly string[], casesDir: string): string[] {
  const ids = new Set(catalogue.rules.map((rule) => rule.id));
  const covered = new Set(paths.map(ruleIdOf));
  return [
    ...catalogue.rules.filter((rule) => !covered.has(rule.id)).map((rule) => `${join(casesDir, `${rule.id}.yaml`)}: missing; every rule needs a case file`),
    ...paths.filter((path) => !ids.has(ruleIdOf(path))).map((path) => `${path}: names no rule of the catalogue (the file name must be a rule id)`),
  ];
}

/** "55 rules (annotate 46, benign 4, raise 5; tier A 13, M 9, B 19, C 14; 21 inventory)". */
export function describeCatalogue(catalogue: KnownIssueCatalogue): string {
  const count = <K extends string>(key: (rule: KnownIssueCatalogue['rules'][number]) => K, order: readonly K[]) =>
    order.map((value) => `${value} ${catalogue.rules.filter((rule) => key(rule) === value).length}`).join(', ');
  const inventory = catalogue.rules.filter((rule) => rule.match.kind === 'inventory').length;
  return `${catalogue.rules.length} rules (${count((rule) => rule.effect, ['annotate', 'benign', 'raise'])}; tier ${count((rule) => rule.tier, ['A', 'M', 'B', 'C'])}; ${inventory} inventory)`;
}
