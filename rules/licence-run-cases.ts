import type { FleetEvent } from '../src/events/fleet-event.js';
import { isProblem } from '../src/events/severity.js';
import type { CompiledLicenceCatalogue } from '../src/licence/catalogue.js';
import { shortageTypes } from '../src/licence/licence-events.js';
import { suspectNoteOf } from '../src/licence/load.js';
import { LicenceReplay } from '../src/licence/replay.js';
import { reminderKey } from '../src/licence/escalation.js';
import { durationMs, type LicenceCaseFile, type LicenceCaseStep } from './licence-case-schema.js';
import { createRuleMatcher } from './matcher.js';
import type { KnownIssueCatalogue } from './schema.js';

export interface LicenceCaseOutcome {
  steps: number;
  checks: number;
  failures: string[];
  /** `<from mode>|<cause>` of every change of mode the scenario made (cause: a signal reference or grace-expired). */
  exercised: Set<string>;
}

/**
 * Runs one scenario on the real engine (LicenceReplay: correlation, MemoryStore, a clock moved by the steps; the
 * countdown is checked every hour of an `after`), comparing each step's expectations. Never throws for a failing
 * expectation or a refused step; both become failures.
 */
export function runLicenceCase(file: LicenceCaseFile, catalogue: CompiledLicenceCatalogue, knownIssues: KnownIssueCatalogue | null): LicenceCaseOutcome {
  const outcome: LicenceCaseOutcome = { steps: 0, checks: 0, failures: [], exercised: new Set() };
  const replay = new LicenceReplay({
    catalogue,
    nodes: file.given.nodes,
    ...(knownIssues && { rules: createRuleMatcher(knownIssues), knownIssue: (id: string) => suspectNoteOf(knownIssues.rules.find((rule) => rule.id === id)) }),
  });
  file.steps.forEach((step, index) => {
    const nodeId = step.node ?? file.given.nodes[0]!.id;
    const label = `step ${index + 1} (${describe(step)})`;
    outcome.steps++;
    if (!replay.fleet.node(nodeId)) {
      outcome.failures.push(`${label}: no node "${nodeId}" in given.nodes`);
      return;
    }
    try {
      act(replay, nodeId, step);
    } catch (error) {
      outcome.failures.push(`${label}: refused: ${(error as Error).message}`);
      return;
    }
    for (const problem of compare(replay, nodeId, step)) outcome.failures.push(`${label}: ${problem}`);
    const { modes, alarms, ...plain } = step.expect ?? {};
    outcome.checks += Object.keys(plain).length + Object.keys(modes ?? {}).length + Object.keys(alarms ?? {}).length;
  });
  for (const { id } of file.given.nodes) {
    for (const transition of replay.store.listLicenceTransitions({ nodeId: id, limit: 100_000 })) {
      if (transition.fromMode !== null) outcome.exercised.add(`${transition.fromMode}|${transition.cause}`);
    }
  }
  return outcome;
}

function act(replay: LicenceReplay, nodeId: string, step: LicenceCaseStep): void {
  if (step.send) {
    const severity = step.send.severity ?? 'major';
    const event: Partial<FleetEvent> = { ...step.send, severity, raisesAlarm: isProblem(severity) || severity === 'cleared' };
    replay.send(nodeId, event);
  } else if (step.after) {
    replay.advance(durationMs(step.after));
  } else if (step.assert) {
    replay.engine.assertMode(nodeId, step.assert.mode, { user: step.assert.user, note: step.assert.note ?? null, graceDaysRemaining: step.assert.graceDaysRemaining });
    replay.flush();
  }
}

function compare(replay: LicenceReplay, nodeId: string, step: LicenceCaseStep): string[] {
  const expect = step.expect;
  if (!expect) return [];
  const problems: string[] = [];
  const check = (what: string, wanted: unknown, got: unknown) => {
    if (JSON.stringify(wanted) !== JSON.stringify(got)) problems.push(`${what}: expected ${JSON.stringify(wanted)}; got ${JSON.stringify(got)}`);
  };
  const licence = replay.engine.get(nodeId, 'licence');
  if (expect.mode !== undefined) check('mode', expect.mode, licence?.mode ?? null);
  for (const [track, mode] of Object.entries(expect.modes ?? {})) check(`modes.${track}`, mode, replay.engine.get(nodeId, track)?.mode ?? null);
  if (expect.daysRemaining !== undefined) check('daysRemaining', expect.daysRemaining, licence?.graceExpiresAt != null ? reminderKey(licence, replay.now()) : null);
  if (expect.dailyAlarms !== undefined) check('dailyAlarms', expect.dailyAlarms, licence?.dailyAlarms ?? null);
  if (expect.shortages !== undefined) check('shortages', expect.shortages, licence ? shortageTypes(licence) : null);
  if (expect.suspect !== undefined) check('suspect', expect.suspect, licence?.suspect ?? null);
  for (const [code, wanted] of Object.entries(expect.alarms ?? {})) {
    const alarm = replay.alarm(nodeId, code);
    check(`alarms.${code}`, wanted, alarm ? (alarm.state === 'cleared' ? 'cleared' : alarm.severity) : 'none');
  }
  return problems;
}

function describe(step: LicenceCaseStep): string {
  if (step.after) return `after ${step.after}`;
  if (step.assert) return `assert ${step.assert.mode}`;
  const send = step.send!;
  return `${send.source ?? 'ssa'} ${send.severity ?? 'major'} ${JSON.stringify(send.text ?? send.code ?? '')}`;
}
