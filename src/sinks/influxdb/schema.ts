/**
 * Every measurement ipo-observer writes to InfluxDB, with its tags and typed
 * fields, defined once: the sink builds points from it and the Grafana
 * dashboards (dashboards/*.ts) build their InfluxQL from it, so a renamed
 * field breaks the type check instead of a panel.
 *
 * Tags are what dashboards filter and group by (bounded sets: customers,
 * sites, nodes, categories…); everything unbounded (texts, ids) is a field.
 * Points without a fleet node carry customer/site/node "unknown".
 */
export type FieldType = 'integer' | 'float' | 'string' | 'boolean';

export interface MeasurementSpec {
  readonly name: string;
  readonly tags: readonly string[];
  readonly fields: Readonly<Record<string, FieldType>>;
  readonly description: string;
}

/** The three tags every fleet measurement carries, in the order dashboards filter them. */
export const FLEET_TAGS = ['customer', 'site', 'node'] as const;

/** Tag value for points whose sender is not in the fleet. */
export const UNKNOWN_TAG_VALUE = 'unknown';

export const MEASUREMENTS = {
  event: {
    name: 'ipo_event',
    description: 'one point per stored event (count=1, so sum("count") counts events)',
    tags: [...FLEET_TAGS, 'source', 'category', 'severity', 'code'],
    fields: { count: 'integer', raises_alarm: 'boolean', event_id: 'integer', alarm_id: 'integer', source_address: 'string', text: 'string' },
  },
  alarmTransition: {
    name: 'ipo_alarm_transition',
    description: 'one point per alarm transition (raised, cleared, reopened, acknowledged, expired…)',
    tags: [...FLEET_TAGS, 'kind', 'category', 'severity', 'code'],
    fields: { count: 'integer', alarm_id: 'integer', state: 'string', occurrences: 'integer', user: 'string', text: 'string' },
  },
  alarmsOpen: {
    name: 'ipo_alarms_open',
    description: 'open alarms per node (total and by severity), sampled periodically from the store; every fleet node, zeros included',
    tags: [...FLEET_TAGS],
    fields: { total: 'integer', critical: 'integer', major: 'integer', minor: 'integer', warning: 'integer', indeterminate: 'integer' },
  },
  qosCall: {
    name: 'ipo_qos_call',
    description: 'QoS summary of one call leg (RTCP / QoS traps; issue 6)',
    tags: [...FLEET_TAGS, 'extension', 'trunk', 'direction'],
    fields: { jitter_ms: 'float', loss_pct: 'float', rtt_ms: 'float', mos: 'float', r_factor: 'float', duration_s: 'float', call_id: 'string', codec: 'string' },
  },
  qosStream: {
    name: 'ipo_qos_stream',
    description: 'QoS of one RTP stream report (RTCP / RTCP-XR interval; issue 6)',
    tags: [...FLEET_TAGS, 'extension', 'trunk', 'direction'],
    fields: { jitter_ms: 'float', loss_pct: 'float', rtt_ms: 'float', mos: 'float', call_id: 'string', ssrc: 'string', remote_address: 'string' },
  },
  licence: {
    name: 'ipo_licence',
    description: 'licence state of a node (mode, days remaining; issue 8)',
    tags: [...FLEET_TAGS, 'licence_source'],
    fields: { mode: 'string', days_remaining: 'integer', licensed: 'boolean' },
  },
  resiliencyIncident: {
    name: 'ipo_resiliency_incident',
    description: 'a resiliency incident: failover, failback, link down/up (issue 9); shown as annotations',
    tags: [...FLEET_TAGS, 'kind', 'peer'],
    fields: { phase: 'string', duration_s: 'float', text: 'string' },
  },
  nodeState: {
    name: 'ipo_node_state',
    description: 'node reachability and uptime (SNMP polling), cards known in the fleet',
    tags: [...FLEET_TAGS],
    fields: { up: 'integer', uptime_s: 'float', cards: 'integer' },
  },
  selfMetric: {
    name: 'ipo_observer_metric',
    description: "ipo-observer's own counters and gauges (the /metrics families), sampled periodically",
    tags: ['metric', 'collector', 'reason', 'source', 'kind', 'labels'],
    fields: { value: 'float' },
  },
} as const satisfies Record<string, MeasurementSpec>;

export type MeasurementKey = keyof typeof MEASUREMENTS;
export type TagOf<K extends MeasurementKey> = (typeof MEASUREMENTS)[K]['tags'][number];
export type FieldOf<K extends MeasurementKey> = keyof (typeof MEASUREMENTS)[K]['fields'] & string;

type FieldValue<T> = T extends 'string' ? string : T extends 'boolean' ? boolean : number;
type FieldsOf<K extends MeasurementKey> = (typeof MEASUREMENTS)[K]['fields'];
export type FieldValues<K extends MeasurementKey> = { [F in keyof FieldsOf<K>]?: FieldValue<FieldsOf<K>[F]> | null };
export type TagValues<K extends MeasurementKey> = { [T in TagOf<K>]?: string | null };

/** The label keys of /metrics families that become tags of ipo_observer_metric; other labels are folded into `labels`. */
export const SELF_METRIC_LABEL_TAGS = ['collector', 'reason', 'source', 'kind'] as const;
