import type { Principal } from '../api/auth/principal.js';
import type { Alarm, AlarmTransition } from '../correlation/alarm.js';
import { CodedError } from '../errors.js';
import { acknowledgeAlarm, unacknowledgeAlarm } from '../correlation/acknowledge.js';
import type { Store } from '../storage/store.js';
import type { AuditLog } from './audit-log.js';

export interface AuditedAckRequest {
  action: 'acknowledge' | 'unacknowledge';
  alarmId: number;
  principal: Principal;
  /** A name typed by the caller: used only with authentication off (nobody is signed in to name them). */
  typedUser?: string | undefined;
  note: string | null;
  at: number;
  remoteAddress: string | null;
}

/**
 * Who did it: signed in, always the principal (a typed name is ignored); with authentication off nobody is signed
 * in, so the caller must type a name (`field` names the missing parameter in the 400).
 */
export function actorName(principal: Principal, typed: string | undefined, field: string): string {
  if (principal.via !== 'open') return principal.name;
  if (typed === undefined || typed.trim() === '') throw new CodedError('IPO_ERR_BAD_REQUEST', `${field}: required while authentication is off (nobody is signed in to name)`);
  return typed.trim();
}

/**
 * Acknowledges (or takes back) an alarm as the signed-in principal and writes the audit entry in the same
 * transaction: the change never lands without its record. For the API and the web form alike.
 */
export function acknowledgeAudited(store: Store, audit: AuditLog, request: AuditedAckRequest): { alarm: Alarm; transition: AlarmTransition } {
  const user = actorName(request.principal, request.typedUser, 'body/user');
  const change = request.action === 'acknowledge' ? acknowledgeAlarm : unacknowledgeAlarm;
  return store.transaction(() => {
    const result = change(store, { alarmId: request.alarmId, user, note: request.note, at: request.at });
    audit.record({
      // signed in, user is the principal's own name; with authentication off, the typed one
      actor: { ...request.principal, name: user },
      action: request.action === 'acknowledge' ? 'alarm.acknowledge' : 'alarm.unacknowledge',
      target: `alarm:${request.alarmId}`,
      detail: request.note === null ? {} : { note: request.note },
      remoteAddress: request.remoteAddress,
    });
    return result;
  });
}
