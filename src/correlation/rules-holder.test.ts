import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { MetricsRegistry } from '../metrics/registry.js';
import type { RuleMatcher } from './rule-matcher.js';
import { RulesHolder } from './rules-holder.js';

test('a reload that fails keeps the previous rules in force and counts the failure', () => {
  const registry = new MetricsRegistry();
  const reloads = registry.counter('ipo_rules_reloads_total', 'reloads');
  const good: RuleMatcher = { match: () => [], size: 3 };
  let next: () => RuleMatcher = () => good;
  const holder = new RulesHolder(() => next(), pino({ level: 'silent' }), reloads);
  assert.equal(holder.current().size, 3);

  next = () => {
    throw new Error('rules/known-issues.yaml:4:7 rules[0].effect: expected one of "annotate", "benign", "raise"; got "mute"');
  };
  assert.equal(holder.reload('SIGHUP'), false);
  assert.equal(holder.current(), good);
  assert.match(holder.lastError ?? '', /got "mute"/);
  assert.equal(reloads.get({ result: 'invalid' }), 1);

  const better: RuleMatcher = { match: () => [], size: 4 };
  next = () => better;
  assert.equal(holder.reload('file change'), true);
  assert.equal(holder.current().size, 4);
  assert.equal(holder.lastError, null);
  assert.equal(reloads.get({ result: 'ok' }), 1);
});

test('every reload is reported with its trigger and outcome (main.ts writes them to the audit log as "system")', () => {
  const registry = new MetricsRegistry();
  const outcomes: unknown[] = [];
  let next: () => RuleMatcher = () => ({ match: () => [], size: 2 });
  const holder = new RulesHolder(() => next(), pino({ level: 'silent' }), registry.counter('ipo_rules_reloads_total', 'reloads'), (outcome) => outcomes.push(outcome));
  assert.deepEqual(outcomes, [], 'the first load is not a reload');
  holder.reload('SIGHUP');
  next = () => {
    throw new Error('bad rule');
  };
  holder.reload('file change');
  assert.deepEqual(outcomes, [
    { trigger: 'SIGHUP', ok: true, rules: 2, error: null },
    { trigger: 'file change', ok: false, rules: 2, error: 'bad rule' },
  ]);
});
