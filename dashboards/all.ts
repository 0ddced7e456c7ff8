import type { DashboardBuilder } from '@grafana/grafana-foundation-sdk/dashboard';
import { alarms } from './alarms.js';
import { fleetOverview } from './fleet-overview.js';
import { licences } from './licences.js';
import { resiliency } from './resiliency.js';
import { voiceQuality } from './voice-quality.js';

/** Every dashboard, in the order the README lists them. */
export const DASHBOARDS: ReadonlyArray<() => DashboardBuilder> = [fleetOverview, alarms, voiceQuality, licences, resiliency];
