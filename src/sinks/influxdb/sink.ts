import type { Logger } from 'pino';
import type { EmitResult } from '../../../collectors/types.js';
import type { Clock } from '../../clock.js';
import type { Alarm, AlarmTransition } from '../../correlation/alarm.js';
import type { FleetEvent } from '../../events/fleet-event.js';
import type { FleetIndex } from '../../fleet/fleet-index.js';
import type { MetricsRegistry } from '../../metrics/registry.js';
import type { RecordedDecision } from '../../pipeline/record-decision.js';
import type { InfluxdbSinkConfig } from './config.js';
import { decisionLines, storedTransitionLine } from './decision-points.js';
import { toLine, type PointInput } from './line-protocol.js';
import { openAlarmLines, selfMetricLines } from './samples.js';
import type { MeasurementKey } from './schema.js';
import { SpoolSender, type SendResult } from './sender.js';
import { createInfluxSinkMetrics, type InfluxSinkMetrics } from './sink-metrics.js';
import { Spool } from './spool.js';
import { SpoolAlarm } from './spool-alarm.js';
import { SpoolWriteAlarm } from './spool-write-alarm.js';
import type { LineWriter } from './writer.js';

export interface InfluxSinkDeps {
  config: InfluxdbSinkConfig;
  /** <dataDir>/influx-spool */
  spoolDir: string;
  writer: LineWriter;
  fleet: FleetIndex;
  log: Logger;
  registry: MetricsRegistry;
  clock: Clock;
  /** Offers an internal event (the spool alarm) to the pipeline. */
  emit: (event: FleetEvent) => EmitResult;
  /** Open alarms, sampled into ipo_alarms_open; absent: not sampled. */
  openAlarms?: () => Alarm[];
}

/** Segments are 1/16 of the bound (what is dropped at once when it is reached), between 64 KiB and 16 MiB. */
export function segmentBytesFor(maxBytes: number): number {
  return Math.min(16 * 1_048_576, Math.max(65_536, Math.floor(maxBytes / 16)));
}

/**
 * The InfluxDB sink: turns what the pipeline stored (and the periodic samples) into points, writes them to the
 * durable spool at once, and lets the sender deliver the spool in order. InfluxDB being down costs nothing but
 * disk: the spool fills, an internal alarm is raised near the bound, and everything is replayed on reconnect.
 */
export class InfluxSink {
  private readonly spool: Spool;
  private readonly sender: SpoolSender;
  private readonly metrics: InfluxSinkMetrics;
  private readonly alarm: SpoolAlarm;
  private readonly writeAlarm = new SpoolWriteAlarm();
  private readonly timers: NodeJS.Timeout[] = [];
  private unsentLines = 0;
  private started = false;
  private stopped = false;
  /** The spool alarm found before start() (a large spool left by the last run): offered once the pipeline runs. */
  private heldAlarm: FleetEvent | null = null;
  /** The previous request failed: log once per outage, not per retry. */
  private wasFailing = false;

  constructor(private readonly deps: InfluxSinkDeps) {
    const { config } = deps;
    this.spool = new Spool({ dir: deps.spoolDir, maxBytes: config.spool.maxBytes, segmentBytes: segmentBytesFor(config.spool.maxBytes) });
    this.alarm = new SpoolAlarm(config.spool.maxBytes, config.spool.warnPercent);
    this.metrics = createInfluxSinkMetrics(deps.registry, () => ({ spoolBytes: this.spool.bytes, spoolMaxBytes: config.spool.maxBytes, up: !this.sender.failing }));
    this.sender = new SpoolSender({
      spool: this.spool,
      writer: deps.writer,
      batchSize: config.batchSize,
      retryInitialMs: config.retry.initialSeconds * 1000,
      retryMaxMs: config.retry.maxSeconds * 1000,
      onResult: (result) => this.onResult(result),
    });
    if (this.spool.tornBytes > 0) deps.log.warn({ tornBytes: this.spool.tornBytes }, 'the InfluxDB spool ended in a partial write (a crash?); that part was skipped');
    this.checkAlarm();
  }

  /** Replays what an earlier run left in the spool, then flushes and samples on timers. */
  start(): void {
    const { config } = this.deps;
    this.started = true;
    if (this.heldAlarm) this.offer(this.heldAlarm);
    this.heldAlarm = null;
    if (!this.spool.isEmpty) this.deps.log.info({ pendingLines: this.spool.pendingLines, spoolBytes: this.spool.bytes }, 'replaying the InfluxDB spool left by the last run');
    this.sender.kick();
    this.every(config.flushIntervalSeconds, () => this.flush());
    this.every(config.sampleIntervalSeconds, () => this.sample());
  }

  /** Pipeline listener: the events, alarm transitions and node states of a stored batch. */
  recorded(recorded: RecordedDecision[]): void {
    this.writeLines(decisionLines(recorded, this.deps.fleet));
  }

  /** Transitions made outside the pipeline: acknowledged, unacknowledged, expired. */
  transitions(items: ReadonlyArray<{ alarm: Alarm; transition: AlarmTransition }>): void {
    const lines = items.map(({ alarm, transition }) => storedTransitionLine(alarm, transition, this.deps.fleet));
    this.writeLines(lines.filter((line): line is string => line !== null));
  }

  /** Typed points of the schema, for engines that produce measurements (QoS, licences, resiliency) and for tests. */
  write<K extends MeasurementKey>(kind: K, points: ReadonlyArray<PointInput<K>>): void {
    const lines = points.map((point) => toLine(kind, point));
    this.writeLines(lines.filter((line): line is string => line !== null));
  }

  /** Appends lines to the spool (on disk before anything is sent); sends at once when a batch is full. */
  writeLines(lines: readonly string[]): void {
    if (lines.length === 0 || this.stopped) return;
    const before = this.spool.droppedLines;
    try {
      this.spool.append(lines);
      this.metrics.spooled.inc({}, lines.length);
    } catch (error) {
      this.metrics.dropped.inc({ reason: 'spool-error' }, lines.length);
      const raised = this.writeAlarm.failed(error, lines.length, this.deps.clock.now());
      // Logged once per failure period (the alarm says it); a full disk must not flood the log either.
      if (raised) {
        this.deps.log.error({ err: error, lines: lines.length }, 'cannot write to the InfluxDB spool; points are lost until it is writable again');
        this.report(raised);
      }
      return;
    }
    const recovered = this.writeAlarm.succeeded(this.deps.clock.now());
    if (recovered) this.report(recovered);
    const dropped = this.spool.droppedLines - before;
    if (dropped > 0) {
      this.metrics.dropped.inc({ reason: 'spool-full' }, dropped);
      this.deps.log.warn({ dropped, maxBytes: this.deps.config.spool.maxBytes }, 'InfluxDB spool full: dropped its oldest points');
    }
    this.checkAlarm();
    this.unsentLines += lines.length;
    if (this.unsentLines >= this.deps.config.batchSize) this.kickSender();
  }

  /** Samples once more, then sends what it can until the deadline; what is left stays in the spool for the next start. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    for (const timer of this.timers) clearInterval(timer);
    this.sample();
    this.stopped = true;
    this.spool.sync();
    const drained = await this.sender.drain(Date.now() + this.deps.config.timeoutSeconds * 1000);
    await this.sender.stop();
    this.spool.close();
    if (!drained) this.deps.log.warn({ pendingLines: this.spool.pendingLines, spoolBytes: this.spool.bytes }, 'InfluxDB did not take everything before shutdown; the rest stays in the spool for the next start');
  }

  /** Spool bytes and whether writes are failing, for tests and health. */
  status(): { spoolBytes: number; pendingLines: number; failing: boolean; empty: boolean } {
    return { spoolBytes: this.spool.bytes, pendingLines: this.spool.pendingLines, failing: this.sender.failing, empty: this.spool.isEmpty };
  }

  private flush(): void {
    this.spool.sync();
    this.kickSender();
  }

  private kickSender(): void {
    this.unsentLines = 0;
    this.sender.kick();
  }

  /** Writes the periodic samples now: the /metrics families and the open alarms per node (the timer calls it too). */
  sample(): void {
    const at = this.deps.clock.now();
    const lines = selfMetricLines(this.deps.registry.samples(), at);
    try {
      if (this.deps.openAlarms) lines.push(...openAlarmLines(this.deps.openAlarms(), this.deps.fleet, at));
    } catch (error) {
      this.deps.log.error({ err: error }, 'reading open alarms for InfluxDB failed; will try again');
    }
    this.writeLines(lines);
  }

  private onResult(result: SendResult): void {
    const { log } = this.deps;
    if (result.kind === 'sent') {
      if (this.wasFailing) log.info({ lines: result.lines }, 'InfluxDB takes writes again; replaying the spool');
      this.wasFailing = false;
      this.metrics.sent.inc({}, result.lines);
    } else if (result.kind === 'rejected') {
      this.metrics.rejected.inc({}, result.lines);
      log.error({ lines: result.lines, error: result.error }, 'InfluxDB refused a write as invalid; its points are dropped');
    } else {
      this.metrics.writeFailures.inc();
      // One warning when writes start failing, then debug: an outage must not flood the log.
      if (!this.wasFailing) log.warn({ error: result.error, retryInMs: result.retryInMs }, 'cannot write to InfluxDB; spooling to disk and retrying');
      else log.debug({ error: result.error, retryInMs: result.retryInMs }, 'InfluxDB write failed again');
      this.wasFailing = true;
    }
    this.checkAlarm();
  }

  private checkAlarm(): void {
    const event = this.alarm.check(this.spool.bytes, this.deps.clock.now());
    if (!event) return;
    // A raise and its clear before start() cancel out; the latest state is what counts.
    if (!this.started) this.heldAlarm = this.heldAlarm && event.severity === 'cleared' ? null : event;
    else this.offer(event);
  }

  /** The write alarm: offered now when running; before start() nothing is written, so it cannot fire then. */
  private report(event: FleetEvent): void {
    if (this.started) this.offer(event);
  }

  private offer(event: FleetEvent): void {
    const result = this.deps.emit(event);
    this.deps.log.warn({ code: event.code, severity: event.severity, spoolBytes: this.spool.bytes, offered: result }, event.text);
  }

  private every(seconds: number, fn: () => void): void {
    const timer = setInterval(() => {
      try {
        fn();
      } catch (error) {
        this.deps.log.error({ err: error }, 'InfluxDB sink timer failed; will run again');
      }
    }, seconds * 1000);
    timer.unref();
    this.timers.push(timer);
  }
}
