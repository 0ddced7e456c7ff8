import type { Counter, MetricsRegistry } from '../metrics/registry.js';
import type { RecordedDecision } from './record-decision.js';

/** The pipeline's own series: events stored, alarm transitions, store failures, queue depth. */
export class PipelineMetrics {
  readonly eventsStored: Counter;
  readonly unknownSource: Counter;
  readonly alarmTransitions: Counter;
  readonly storeFailures: Counter;

  constructor(private readonly registry: MetricsRegistry) {
    this.eventsStored = registry.counter('ipo_pipeline_events_stored_total', 'Events stored, by source');
    this.unknownSource = registry.counter('ipo_pipeline_unknown_source_events_total', 'Stored events whose sender is not in the fleet');
    this.alarmTransitions = registry.counter('ipo_alarm_transitions_total', 'Alarm transitions, by kind');
    this.storeFailures = registry.counter('ipo_pipeline_store_failures_total', 'Batches the store failed to write (retried)');
    this.storeFailures.touch();
    this.unknownSource.touch();
  }

  registerQueue(read: () => { depth: number; capacity: number }): void {
    this.registry.gauge('ipo_pipeline_queue_depth', 'Events waiting in the pipeline queue', () => [{ labels: {}, value: read().depth }]);
    this.registry.gauge('ipo_pipeline_queue_capacity', 'Bound of the pipeline queue', () => [{ labels: {}, value: read().capacity }]);
  }

  countRecorded(recorded: RecordedDecision[]): void {
    for (const item of recorded) {
      this.eventsStored.inc({ source: item.event.source });
      if (item.event.nodeId === null) this.unknownSource.inc();
      for (const kind of item.transitions) this.alarmTransitions.inc({ kind });
    }
  }
}
