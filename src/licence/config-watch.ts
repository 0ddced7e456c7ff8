import type { Logger } from 'pino';
import type { FleetEvent } from '../events/fleet-event.js';
import type { FleetIndex } from '../fleet/fleet-index.js';
import type { Store } from '../storage/store.js';
import { checkLicenceConfiguration, type LicenceConfigFinding, type LicenceConfigNode } from './config-checks.js';
import { DAY_MS } from './escalation.js';
import { clearEvent, configFindingEvent, LICENCE_CODES } from './licence-events.js';

const OPEN_ALARMS_READ = 1000;

/**
 * Runs the License Server Link checks (config-checks.ts) at start and after an assertion: a new finding is logged
 * and raised as a warning alarm, a finding that went away is cleared, and every finding is raised again once a day
 * so stale-alarm expiry does not close it while the configuration is still wrong.
 */
export class LicenceConfigWatch {
  private findings: LicenceConfigFinding[] = [];
  private announcedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly fleet: FleetIndex,
    private readonly send: (event: FleetEvent) => void,
    private readonly store: Pick<Store, 'listAlarms'>,
    private readonly log?: Logger,
  ) {}

  current(): readonly LicenceConfigFinding[] {
    return this.findings;
  }

  check(nodes: readonly LicenceConfigNode[], now: number, options: { clearStale: boolean }): void {
    const next = checkLicenceConfiguration(nodes);
    const keyOf = (finding: { nodeId: string; check: string }) => `${finding.nodeId}|${finding.check}`;
    const before = new Map(this.findings.map((finding) => [keyOf(finding), finding]));
    const after = new Set(next.map(keyOf));
    for (const finding of next) {
      if (before.get(keyOf(finding))?.message === finding.message) continue;
      this.log?.warn({ check: finding.check, nodeId: finding.nodeId, references: finding.references }, finding.message);
      this.raise(finding, now);
    }
    for (const finding of this.findings) if (!after.has(keyOf(finding))) this.clear(finding.nodeId, finding.check, now);
    if (options.clearStale) {
      // Alarms raised before a restart for a configuration that has been fixed since.
      for (const alarm of this.store.listAlarms({ open: true, category: 'License', limit: OPEN_ALARMS_READ })) {
        if (alarm.code !== LICENCE_CODES.configInconsistent || alarm.nodeId === null) continue;
        const check = alarm.reductionKey.split('|').slice(3).join('|');
        if (!after.has(`${alarm.nodeId}|${check}`)) this.clear(alarm.nodeId, check, now);
      }
    }
    this.findings = next;
    this.announcedAt = now;
  }

  /** Raises every finding again once a day (tick). */
  remind(now: number): void {
    if (this.findings.length === 0 || now - this.announcedAt < DAY_MS) return;
    for (const finding of this.findings) this.raise(finding, now);
    this.announcedAt = now;
  }

  private raise(finding: LicenceConfigFinding, now: number): void {
    const node = this.fleet.node(finding.nodeId)?.node;
    if (node) this.send(configFindingEvent(node, finding, now));
  }

  private clear(nodeId: string, check: string, now: number): void {
    const node = this.fleet.node(nodeId)?.node;
    if (node) this.send(clearEvent(node, LICENCE_CODES.configInconsistent, check, now, `Licence configuration check ${check} passes again on ${node.name}`, 'licence'));
  }
}
