import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createSourceLabels, OTHER_SOURCES } from './source-labels.js';

test('createSourceLabels tracks the first N senders and puts the rest under "other"', () => {
  const label = createSourceLabels(2);
  assert.equal(label('10.0.0.1'), '10.0.0.1');
  assert.equal(label('10.0.0.2'), '10.0.0.2');
  assert.equal(label('10.0.0.3'), OTHER_SOURCES);
  assert.equal(label('10.0.0.1'), '10.0.0.1', 'a tracked sender keeps its own series');
});
