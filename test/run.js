#!/usr/bin/env node
// Finds the test files and runs them with node's test runner and tsx.
// Node 20's --test takes paths, not globs, so the list is built here.
//   node test/run.js          every test (unit and end-to-end)
//   node test/run.js --unit   *.test.ts except *.e2e.test.ts
//   node test/run.js --e2e    only *.e2e.test.ts
//   node test/run.js FILE...  just those files
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOTS = ['src', 'collectors', 'rules', 'dashboards', 'notifiers', 'mibs', 'test', 'bench', 'simulator'];
const FAILURE_SUMMARY = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), 'failure-summary-reporter.mjs')).href;
const args = process.argv.slice(2);
const mode = args.includes('--unit') ? 'unit' : args.includes('--e2e') ? 'e2e' : 'all';
const explicit = args.filter((arg) => !arg.startsWith('--'));

function walk(dir, found) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path, found);
    else if (entry.endsWith('.test.ts')) found.push(path);
  }
  return found;
}

const all = explicit.length > 0 ? explicit : ROOTS.flatMap((root) => walk(root, [])).sort();
const files = all.filter((file) => {
  if (explicit.length > 0 || mode === 'all') return true;
  const e2e = file.endsWith('.e2e.test.ts');
  return mode === 'e2e' ? e2e : !e2e;
});

if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}

const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-timeout=180000',
    // The TAP stream as before, then a closing block that names each failed test (CI keeps only a log's tail).
    '--test-reporter=tap',
    '--test-reporter-destination=stdout',
    `--test-reporter=${FAILURE_SUMMARY}`,
    '--test-reporter-destination=stdout',
    ...files,
  ],
  { stdio: 'inherit', env: { ...process.env, NODE_NO_WARNINGS: '1' } },
);
process.exit(result.status ?? 1);
