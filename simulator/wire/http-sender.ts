import type { SsaEntry, SsaList } from './ssa-snapshot.js';
import { ssaSnapshotTsv } from './ssa-snapshot.js';

/**
 * What the simulator says to the stack over HTTP: SSA alarm lists (POST /api/v1/ssa/alarms with the bearer token)
 * and, for time-scaled licence graces, the days left as a person would record them from Manager
 * (POST /api/v1/licences/:nodeId/assertions). Failures are counted by the caller, never thrown at it.
 */
export class HttpSender {
  constructor(private readonly target: { baseUrl: string | null; ssaToken: string | null }) {}

  get canPostSsa(): boolean {
    return this.target.baseUrl !== null && this.target.ssaToken !== null;
  }

  get canAssert(): boolean {
    return this.target.baseUrl !== null;
  }

  async postSsa(nodeId: string, list: SsaList, entries: readonly SsaEntry[], timeZone: string): Promise<void> {
    if (!this.canPostSsa) return;
    const response = await fetch(`${this.target.baseUrl}/api/v1/ssa/alarms?node=${encodeURIComponent(nodeId)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.target.ssaToken}`, 'content-type': 'text/tab-separated-values' },
      body: ssaSnapshotTsv(nodeId, list, entries, timeZone),
    });
    await expectOk(response, 'POST /api/v1/ssa/alarms');
  }

  async assertLicenceMode(nodeId: string, mode: string, graceDaysRemaining: number, note: string): Promise<void> {
    if (!this.canAssert) return;
    const response = await fetch(`${this.target.baseUrl}/api/v1/licences/${encodeURIComponent(nodeId)}/assertions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ mode, user: 'simulator', note, graceDaysRemaining }),
    });
    await expectOk(response, 'POST /api/v1/licences/:nodeId/assertions');
  }
}

async function expectOk(response: Response, what: string): Promise<void> {
  const body = await response.text();
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${body.slice(0, 200)}`);
}
