import type BetterSqlite3 from 'better-sqlite3';
import type { QosCall, QosCallQuery, QosSample, QosSummary, QosSummaryRow, QosTrapMeasures, QosWindowGroup } from '../qos/qos-call.js';
import type { QosCallUpdate, QosRepository, QosTrapMatch } from '../qos/qos-repository.js';
import { qosCallFromRow, qosCallToRow, qosSampleFromRow, qosSampleToRow, thresholdsToText, type QosCallRow, type QosSampleRow } from './qos-rows.js';
import { qosCallQuerySql, qosSummarySql, type QosSql } from './qos-query-sql.js';
import { drainInBatches } from './sqlite-retention.js';
import { statementCache } from './statement-cache.js';

/** Calls deleted per retention statement: each call takes its samples along (ON DELETE CASCADE). */
const RETENTION_BATCH = 1000;

interface SummaryRow {
  node_id: string | null;
  site_id: string | null;
  customer_id: string | null;
  key: string;
  calls: number;
  poor_calls: number;
  mos_mean: number | null;
  mos_min: number | null;
  jitter_max_ms: number | null;
  loss_mean_percent: number | null;
  rtt_max_ms: number | null;
}

/** The QoS tables (qos_calls, qos_samples): the SQLite half of QosRepository, delegated to by SqliteStore. */
export class SqliteQos implements QosRepository {
  private readonly insertCallStmt;
  private readonly updateCallStmt;
  private readonly attachTrapStmt;
  private readonly insertSampleStmt;
  private readonly getCallStmt;
  private readonly samplesStmt;
  private readonly trapByCallIdStmt;
  private readonly trapByExtensionStmt;
  private readonly windowStmt;
  private readonly retentionStmt;
  private readonly prepared: (sql: string) => BetterSqlite3.Statement;

  constructor(db: BetterSqlite3.Database) {
    this.prepared = statementCache(db);
    const columns = Object.keys(qosCallToRow(EMPTY_CALL));
    this.insertCallStmt = db.prepare<Omit<QosCallRow, 'id'>>(
      `INSERT INTO qos_calls (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
    );
    // Names the RTCP side does not know (null) keep what a trap or an earlier report filled in.
    this.updateCallStmt = db.prepare(
      `UPDATE qos_calls SET remote_ssrc = @remote_ssrc, node_id = coalesce(@node_id, node_id), site_id = coalesce(@site_id, site_id),
         customer_id = coalesce(@customer_id, customer_id), extension = coalesce(@extension, extension), user_name = coalesce(@user_name, user_name),
         phone_type = coalesce(@phone_type, phone_type), remote_party = coalesce(@remote_party, remote_party), trunk = coalesce(@trunk, trunk),
         codec = @codec, clock_rate = @clock_rate, ended_at = @ended_at, last_report_at = max(last_report_at, @last_report_at),
         end_reason = @end_reason, attribution = @attribution, reports = @reports, jitter_max_ms = @jitter_max_ms,
         jitter_mean_ms = @jitter_mean_ms, loss_percent = @loss_percent, loss_max_percent = @loss_max_percent, packets_lost = @packets_lost,
         rtt_max_ms = @rtt_max_ms, rtt_mean_ms = @rtt_mean_ms, rtt_source = @rtt_source, mos = @mos, mos_min = @mos_min,
         r_factor = @r_factor, mos_source = @mos_source, mos_estimated = @mos_estimated, thresholds = @thresholds,
         poor = CASE WHEN @poor = 1 OR trap_event_id IS NOT NULL THEN 1 ELSE 0 END, details = @details
       WHERE id = @id`,
    );
    this.attachTrapStmt = db.prepare(
      `UPDATE qos_calls SET trap_event_id = @event_id, trap_call_id = @call_id, trap_jitter_ms = @jitter_ms,
         trap_round_trip_ms = @round_trip_ms, trap_packet_loss = @packet_loss, trap_at = @at, poor = 1,
         extension = coalesce(extension, @extension), user_name = coalesce(user_name, @user_name), trunk = coalesce(trunk, @trunk)
       WHERE id = @id`,
    );
    this.insertSampleStmt = db.prepare<Omit<QosSampleRow, 'id'>>(
      `INSERT INTO qos_samples (call_id, at, kind, jitter_ms, loss_percent, cumulative_lost, rtt_ms, mos, r_factor, details)
       VALUES (@call_id, @at, @kind, @jitter_ms, @loss_percent, @cumulative_lost, @rtt_ms, @mos, @r_factor, @details)`,
    );
    this.getCallStmt = db.prepare<[number], QosCallRow>('SELECT * FROM qos_calls WHERE id = ?');
    this.samplesStmt = db.prepare<[number, number], QosSampleRow>('SELECT * FROM qos_samples WHERE call_id = ? ORDER BY at, id LIMIT ?');
    this.trapByCallIdStmt = db.prepare<[string, number], QosCallRow>(
      'SELECT * FROM qos_calls WHERE node_id = ? AND trap_call_id = ? ORDER BY id DESC LIMIT 1',
    );
    // The latest segment of the extension that had started by `at` and had not ended long before it.
    this.trapByExtensionStmt = db.prepare<{ node_id: string; extension: string; at: number; grace: number }, QosCallRow>(
      `SELECT * FROM qos_calls WHERE extension = @extension AND node_id = @node_id AND started_at <= @at
         AND coalesce(ended_at, last_report_at) >= @at - @grace ORDER BY started_at DESC, id DESC LIMIT 1`,
    );
    this.windowStmt = db.prepare<{ since: number; until: number }, { kind: 'site' | 'trunk'; customer_id: string | null; site_id: string | null; node_id: string | null; trunk: string | null; calls: number; poor_calls: number }>(
      `SELECT 'site' AS kind, customer_id, site_id, NULL AS node_id, NULL AS trunk, count(*) AS calls, sum(poor) AS poor_calls
         FROM qos_calls WHERE last_report_at >= @since AND last_report_at < @until AND reports > 0 AND site_id IS NOT NULL
         GROUP BY customer_id, site_id
       UNION ALL
       SELECT 'trunk' AS kind, customer_id, site_id, node_id, trunk, count(*) AS calls, sum(poor) AS poor_calls
         FROM qos_calls WHERE last_report_at >= @since AND last_report_at < @until AND reports > 0 AND trunk IS NOT NULL
         GROUP BY node_id, trunk`,
    );
    this.retentionStmt = db.prepare('DELETE FROM qos_calls WHERE id IN (SELECT id FROM qos_calls WHERE last_report_at < ? LIMIT ?)');
  }

  insertQosCall(call: Omit<QosCall, 'id'>): QosCall {
    const { lastInsertRowid } = this.insertCallStmt.run(qosCallToRow(call));
    return { ...structuredClone(call), id: Number(lastInsertRowid) };
  }

  updateQosCall(id: number, update: QosCallUpdate): void {
    const row = qosCallToRow({ ...EMPTY_CALL, ...update });
    this.updateCallStmt.run({ ...row, id, poor: update.poor ? 1 : 0, thresholds: thresholdsToText(update.thresholds) });
  }

  attachQosTrap(id: number, trap: QosTrapMeasures, fill: { extension: string | null; user: string | null; trunk: string | null }): void {
    this.attachTrapStmt.run({
      id,
      event_id: trap.eventId,
      call_id: trap.callId,
      jitter_ms: trap.jitterMs,
      round_trip_ms: trap.roundTripMs,
      packet_loss: trap.packetLoss,
      at: trap.at,
      extension: fill.extension,
      user_name: fill.user,
      trunk: fill.trunk,
    });
  }

  insertQosSamples(samples: Array<Omit<QosSample, 'id'>>): void {
    for (const sample of samples) this.insertSampleStmt.run(qosSampleToRow(sample));
  }

  getQosCall(id: number): QosCall | null {
    const row = this.getCallStmt.get(id);
    return row ? qosCallFromRow(row) : null;
  }

  listQosCalls(query: QosCallQuery): QosCall[] {
    return this.all<QosCallRow>(qosCallQuerySql(query)).map(qosCallFromRow);
  }

  listQosSamples(callId: number, limit: number): QosSample[] {
    return this.samplesStmt.all(callId, limit).map(qosSampleFromRow);
  }

  findQosCallForTrap(match: QosTrapMatch): QosCall | null {
    const byCallId = match.callId === null ? undefined : this.trapByCallIdStmt.get(match.nodeId, match.callId);
    if (byCallId) return qosCallFromRow(byCallId);
    if (match.extension === null) return null;
    const row = this.trapByExtensionStmt.get({ node_id: match.nodeId, extension: match.extension, at: match.at, grace: match.graceMs });
    return row ? qosCallFromRow(row) : null;
  }

  summariseQos(query: { nodeIds?: string[]; from: number; to: number; limit: number }): QosSummary {
    const group = (by: 'site' | 'trunk' | 'extension') => this.all<SummaryRow>(qosSummarySql(by, query)).map(summaryRowFrom);
    return { sites: group('site'), trunks: group('trunk'), extensions: group('extension') };
  }

  qosWindow(since: number, until: number): QosWindowGroup[] {
    return this.windowStmt.all({ since, until }).map((row) => ({
      kind: row.kind,
      customerId: row.customer_id,
      siteId: row.site_id,
      nodeId: row.node_id,
      trunk: row.trunk,
      calls: row.calls,
      poorCalls: row.poor_calls,
    }));
  }

  applyQosRetention(before: number): number {
    return drainInBatches(this.retentionStmt, before, RETENTION_BATCH);
  }

  private all<R>({ sql, params }: QosSql): R[] {
    return this.prepared(sql).all(params) as R[];
  }
}

function summaryRowFrom(row: SummaryRow): QosSummaryRow {
  return {
    nodeId: row.node_id,
    siteId: row.site_id,
    customerId: row.customer_id,
    key: row.key,
    calls: row.calls,
    poorCalls: row.poor_calls,
    mosMean: row.mos_mean,
    mosMin: row.mos_min,
    jitterMaxMs: row.jitter_max_ms,
    lossMeanPercent: row.loss_mean_percent,
    rttMaxMs: row.rtt_max_ms,
  };
}

/** Every field, so a partial update maps to a full row. */
const EMPTY_CALL: Omit<QosCall, 'id'> = {
  streamKey: '',
  sourceAddress: '',
  ssrc: null,
  remoteSsrc: null,
  nodeId: null,
  siteId: null,
  customerId: null,
  extension: null,
  user: null,
  phoneType: null,
  remoteParty: null,
  trunk: null,
  codec: null,
  clockRate: null,
  startedAt: 0,
  endedAt: null,
  lastReportAt: 0,
  endReason: null,
  attribution: 'unknown',
  reports: 0,
  jitterMaxMs: null,
  jitterMeanMs: null,
  lossPercent: null,
  lossMaxPercent: null,
  packetsLost: null,
  rttMaxMs: null,
  rttMeanMs: null,
  rttSource: null,
  mos: null,
  mosMin: null,
  rFactor: null,
  mosSource: null,
  mosEstimated: false,
  thresholds: [],
  poor: false,
  trap: null,
  details: {},
};
