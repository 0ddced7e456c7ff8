import type { FleetEvent } from '../../events/fleet-event.js';

export const SPOOL_NEAR_FULL_CODE = 'internal.influx-spool-near-full';

/**
 * Raises an internal alarm when the spool passes warnPercent of its bound (InfluxDB has been unreachable for a
 * while and the oldest points will soon be dropped) and clears it once the spool is back under half that level,
 * so a spool hovering at the threshold does not flap. Returns the event to offer to the pipeline, or null. Pure.
 */
export class SpoolAlarm {
  private raised = false;

  constructor(private readonly maxBytes: number, private readonly warnPercent: number) {}

  check(bytes: number, now: number): FleetEvent | null {
    const percent = (bytes / this.maxBytes) * 100;
    if (!this.raised && percent >= this.warnPercent) {
      this.raised = true;
      return influxSinkEvent(now, 'major', SPOOL_NEAR_FULL_CODE, `InfluxDB spool at ${percent.toFixed(0)} % of its bound (${mib(bytes)} of ${mib(this.maxBytes)}): InfluxDB is not taking writes; at 100 % the oldest points are dropped`, { spoolBytes: bytes, spoolMaxBytes: this.maxBytes });
    }
    if (this.raised && percent < this.warnPercent / 2) {
      this.raised = false;
      return influxSinkEvent(now, 'cleared', SPOOL_NEAR_FULL_CODE, `InfluxDB spool drained to ${percent.toFixed(0)} % of its bound`, { spoolBytes: bytes, spoolMaxBytes: this.maxBytes });
    }
    return null;
  }

  get isRaised(): boolean {
    return this.raised;
  }
}

/** An internal alarm of the InfluxDB sink (spool near full, spool not writable): never about a fleet node. */
export function influxSinkEvent(at: number, severity: 'major' | 'cleared', code: string, text: string, attributes: FleetEvent['attributes']): FleetEvent {
  return {
    receivedAt: at,
    source: 'internal',
    collector: 'influxdb-sink',
    // Not an IP address, so it never resolves to a fleet node.
    sourceAddress: 'ipo-observer',
    nodeId: null,
    entity: null,
    category: 'Generic',
    severity,
    raisesAlarm: true,
    code,
    text,
    attributes,
    raw: { encoding: 'utf8', data: text },
  };
}

function mib(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MiB`;
}
