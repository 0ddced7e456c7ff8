import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { AUDIT_ACTIONS } from '../../audit/audit-entry.js';
import { AuditLog } from '../../audit/audit-log.js';
import { MemoryStore } from '../../storage/memory-store.js';
import { MetricsRegistry } from '../../metrics/registry.js';
import { createAuthRuntime } from './auth-runtime.js';

const AUTH_README = readFileSync(new URL('./README.md', import.meta.url), 'utf8');
const AUDIT_README = readFileSync(new URL('../../audit/README.md', import.meta.url), 'utf8');

test('the auth README lists every metric the runtime registers', () => {
  const registry = new MetricsRegistry();
  createAuthRuntime(undefined, { audit: new AuditLog(new MemoryStore(), () => 0), metrics: registry, now: () => 0 });
  const names = [...new Set([...registry.render().matchAll(/^# TYPE (\S+)/gm)].map((m) => m[1]!))];
  assert.ok(names.length >= 4);
  for (const name of names) assert.match(AUTH_README, new RegExp(`\`${name}(\\{|\`)`), name);
});

test('the audit README lists every audit action', () => {
  for (const action of AUDIT_ACTIONS) assert.match(AUDIT_README, new RegExp(`\`${action.replace('.', '\\.')}\``), action);
});
