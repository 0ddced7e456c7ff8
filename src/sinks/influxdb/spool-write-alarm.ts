import type { FleetEvent } from '../../events/fleet-event.js';
import { influxSinkEvent } from './spool-alarm.js';

export const SPOOL_WRITE_FAILED_CODE = 'internal.influx-spool-write-failed';

/**
 * Raises an internal alarm when the spool cannot be written (a full disk, a read-only or failing file system):
 * points are being lost, counted as ipo_influx_points_dropped_total{reason="spool-error"}. Clears at the first
 * write that succeeds again. Raised once per failure period, never per lost batch. Pure.
 */
export class SpoolWriteAlarm {
  private failure: { since: number; lines: number } | null = null;

  failed(error: unknown, lines: number, now: number): FleetEvent | null {
    if (this.failure) {
      this.failure.lines += lines;
      return null;
    }
    this.failure = { since: now, lines };
    const reason = (error as NodeJS.ErrnoException)?.code ?? (error as Error)?.message ?? String(error);
    return influxSinkEvent(now, 'major', SPOOL_WRITE_FAILED_CODE, `Cannot write the InfluxDB spool (${reason}): points for InfluxDB are being lost until the disk has room again`, { error: reason });
  }

  succeeded(now: number): FleetEvent | null {
    if (!this.failure) return null;
    const { lines, since } = this.failure;
    this.failure = null;
    return influxSinkEvent(now, 'cleared', SPOOL_WRITE_FAILED_CODE, `The InfluxDB spool is writable again; ${lines} points were lost in ${Math.round((now - since) / 1000)} s`, { lostPoints: lines });
  }
}
