import { demoLoop } from './demo-loop.js';
import { primaryFailure } from './primary-failure.js';
import type { Scenario } from './scenario.js';
import { steady } from './steady.js';
import { storm77721 } from './storm-77721.js';
import { trunkCardFailure } from './trunk-card-failure.js';
import { weblmGrace } from './weblm-grace.js';

export const SCENARIOS: readonly Scenario[] = [steady, primaryFailure, weblmGrace, trunkCardFailure, storm77721, demoLoop];

export function scenarioNamed(name: string): Scenario | undefined {
  return SCENARIOS.find((scenario) => scenario.name === name);
}
