import assert from 'node:assert/strict';
import { test } from 'node:test';
import { engineHarness } from '../../../test/fakes/engine-harness.js';

test('an event that reports several occurrences (attributes.occurrences) counts them all; others count one', () => {
  const { feed } = engineHarness();
  const raised = feed({ attributes: { occurrences: 4 } });
  assert.equal(raised.alarm?.occurrences, 4, 'SSA: first seen with 4 occurrences');
  assert.equal(feed({ attributes: { occurrences: 18 } }).alarm?.occurrences, 22);
  assert.equal(feed({}).alarm?.occurrences, 23, 'no attribute: one occurrence');
  assert.equal(feed({ attributes: { occurrences: 0 } }).alarm?.occurrences, 23, '0: reported again, no new occurrence');
  let expected = 23;
  for (const odd of [-1, 1.5, '7', Number.NaN]) assert.equal(feed({ attributes: { occurrences: odd } }).alarm?.occurrences, ++expected, `${odd} counts as one`);
  feed({ severity: 'cleared' });
  assert.equal(feed({ attributes: { occurrences: 0 } }).alarm?.occurrences, 27, 'a reopening with 0 new occurrences');
});

test('a new alarm counts at least one occurrence', () => {
  const { feed } = engineHarness();
  assert.equal(feed({ attributes: { occurrences: 0 } }).alarm?.occurrences, 1);
});
