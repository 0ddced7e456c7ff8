import type { AlarmDetail } from './alarm-detail-data.js';
import { annotationBadges } from './alarms-page.js';
import { plural, severityBadge, timeCell } from './format.js';
import { escapeHtml } from './html.js';

export interface AlarmPageInput extends AlarmDetail {
  /** Show the acknowledge form (the principal is an operator or admin). */
  canAct: boolean;
  /** Authentication is off: the form asks for a name, since nobody is signed in. */
  askName: boolean;
  /** A result or refusal of the last action, from the redirect. */
  notice: { kind: 'ok' | 'error'; text: string } | null;
}

/** Everything about one alarm: facts, known-issue workaround, history, notifications and why, events, and the acknowledge form. */
export function renderAlarmPageBody(input: AlarmPageInput): string {
  const { alarm } = input;
  const notice = input.notice ? `<p class="${input.notice.kind === 'ok' ? 'notice' : 'error'}" role="status">${escapeHtml(input.notice.text)}</p>` : '';
  return `${notice}
<div id="alarm-detail" data-live-region data-alarm-id="${alarm.id}">
<p>${severityBadge(alarm.severity)} <strong>${escapeHtml(alarm.text)}</strong>${annotationBadges(alarm)}</p>
${symptomNotice(input)}<div class="columns">
<section class="panel" aria-labelledby="facts-h"><h2 id="facts-h">Facts</h2>${facts(input)}</section>
<section class="panel" aria-labelledby="act-h"><h2 id="act-h">Acknowledgement</h2>${actions(input)}</section>
</div>
${workarounds(input)}
<section class="panel" aria-labelledby="history-h"><h2 id="history-h">History</h2>${transitions(input)}</section>
<section class="panel" aria-labelledby="notify-h"><h2 id="notify-h">Notifications</h2>${notifications(input)}</section>
<section class="panel" aria-labelledby="events-h"><h2 id="events-h">Recent events</h2>${events(input)}</section>
</div>`;
}

function facts(input: AlarmPageInput): string {
  const { alarm } = input;
  const node = alarm.node
    ? `<a href="/nodes/${encodeURIComponent(alarm.node.id)}">${escapeHtml(alarm.node.name)}</a> <span class="muted">(${escapeHtml(alarm.node.customerId ?? '')} / ${escapeHtml(alarm.node.siteId ?? '')})</span>`
    : `<span class="unknown">unknown sender (not in the fleet)</span>`;
  const entity = alarm.entity ? `${escapeHtml(alarm.entity.kind)} ${escapeHtml(alarm.entity.name ?? alarm.entity.id)}` : 'the node itself';
  const rows: Array<[string, string]> = [
    ['Node', node],
    ['Sender', escapeHtml(alarm.sourceAddress)],
    ['Entity', entity],
    ['Category', escapeHtml(alarm.category)],
    ['Severity', `${severityBadge(alarm.severity)} <span class="muted">highest ${escapeHtml(alarm.highestSeverity)}</span>`],
    ['State', `${escapeHtml(alarm.state)}${alarm.acknowledgedBy ? ` by ${escapeHtml(alarm.acknowledgedBy)} ${timeCell(alarm.acknowledgedAt)}` : ''}${alarm.clearedAt ? ` ${timeCell(alarm.clearedAt)}` : ''}`],
    ['Occurrences', String(alarm.occurrences)],
    ['First seen', timeCell(alarm.firstSeen)],
    ['Last seen', timeCell(alarm.lastSeen)],
    ['Code', `<code>${escapeHtml(alarm.code)}</code> <span class="muted">from ${escapeHtml(alarm.source)}</span>`],
    ['Reduction key', `<code>${escapeHtml(alarm.reductionKey)}</code>`],
    ...linkRows(input),
    ['API', `<a href="/api/v1/alarms/${alarm.id}">JSON</a>`],
  ];
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

const incidentLink = (id: string) => `<a href="/resiliency/${encodeURIComponent(id)}">incident ${escapeHtml(id)}</a>`;

/** The call this QoS alarm is about and the incident a resiliency alarm stands for, as fact rows. */
function linkRows({ links }: AlarmPageInput): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  if (links.callId !== null) rows.push(['Call', `<a href="/calls/${links.callId}" data-link="call">call ${links.callId}</a> <span class="muted">(reports, both directions, chart)</span>`]);
  if (links.incidentId !== null) rows.push(['Incident', `<span data-link="incident">${incidentLink(links.incidentId)}</span> <span class="muted">(what failed, what took over, timeline)</span>`]);
  return rows;
}

/** Held as a symptom of a resiliency incident: said at the top, since it explains why no one was notified. */
function symptomNotice({ links }: AlarmPageInput): string {
  if (links.symptomOf.length === 0) return '';
  return `<p class="notice" data-link="symptom-of">Symptom of resiliency ${links.symptomOf.map(incidentLink).join(', ')}: its notifications are held while the incident is open.</p>
`;
}

function actions(input: AlarmPageInput): string {
  const { alarm } = input;
  if (alarm.state === 'cleared') return '<p class="muted">Cleared: nothing to acknowledge.</p>';
  const status = alarm.state === 'acknowledged' ? `<p>Acknowledged by <strong>${escapeHtml(alarm.acknowledgedBy ?? '')}</strong> ${timeCell(alarm.acknowledgedAt)}.</p>` : '<p>Not acknowledged.</p>';
  if (!input.canAct) return `${status}<p class="muted">Your role may view alarms but not acknowledge them.</p>`;
  const action = alarm.state === 'active' ? 'acknowledge' : 'unacknowledge';
  const name = input.askName ? '<label>Your name<input name="user" required maxlength="100" autocomplete="name"></label>' : '';
  return `${status}<form class="ack" method="post" action="/alarms/${alarm.id}/${action}">
${name}<label>Note<textarea name="note" rows="2" maxlength="2000" placeholder="what you are doing about it"></textarea></label>
<div><button type="submit">${action === 'acknowledge' ? 'Acknowledge' : 'Unacknowledge'}</button></div>
</form>`;
}

/** Known issues first and prominent: the workaround is what the engineer on shift needs. */
function workarounds({ alarm }: AlarmPageInput): string {
  if (alarm.annotations.length === 0) return '';
  const items = alarm.annotations.map((a) => {
    const heading = a.kind === 'known-issue' ? `Known issue ${escapeHtml(a.vendorId ?? '')}: ${escapeHtml(a.title)}` : `${escapeHtml(a.kind)}: ${escapeHtml(a.title)}`;
    const effect = a.effect ? ` <span class="tag ${a.effect === 'benign' ? 'good' : 'warn'}">${escapeHtml(a.effect)}</span>` : '';
    const refs = a.references && a.references.length > 0 ? `<p class="muted">References: ${a.references.map(escapeHtml).join(', ')}</p>` : '';
    return `<div class="workaround"><h3>${heading}${effect}</h3><p>${escapeHtml(a.text)}</p>${refs}</div>`;
  });
  return `<section class="panel" aria-labelledby="context-h"><h2 id="context-h">Known issues and context</h2>${items.join('\n')}</section>`;
}

function transitions({ transitions }: AlarmPageInput): string {
  if (transitions.length === 0) return '<p class="empty">No transitions recorded.</p>';
  const rows = transitions.map(
    (t) => `<tr data-kind="${escapeHtml(t.kind)}"><td>${timeCell(t.at)}</td><td>${escapeHtml(t.kind)}</td><td>${escapeHtml(t.fromState ?? '')} → ${escapeHtml(t.toState)}</td><td>${severityBadge(t.severity)}</td><td>${escapeHtml(t.user ?? '')}</td><td>${escapeHtml(t.note ?? '')}</td><td>${t.eventId ?? ''}</td></tr>`,
  );
  return `<table class="transitions"><thead><tr><th scope="col">At</th><th scope="col">Change</th><th scope="col">State</th><th scope="col">Severity</th><th scope="col">By</th><th scope="col">Note</th><th scope="col">Event</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Per transition, the outbox decision (sent, held and why), then per profile what happened to the message and why. */
function notifications({ notifications }: AlarmPageInput): string {
  if (notifications.length === 0) return '<p class="empty">No notification decisions yet (acknowledgements and expiry are not announced).</p>';
  const rows = notifications.flatMap((n) => {
    const head = `<tr class="decision"><td>${timeCell(n.at)}</td><td>${escapeHtml(n.kind)}</td><td colspan="2"><span class="tag ${tagFor(n.status)}">${escapeHtml(n.status)}</span></td><td>${escapeHtml(n.reason)}</td></tr>`;
    const perProfile = n.deliveries.map((d) => {
      const message = d.message ? `${escapeHtml(d.message.status)}: “${escapeHtml(d.message.subject)}” to ${escapeHtml(d.message.recipients.join(', '))}${d.message.lastError ? ` (${escapeHtml(d.message.lastError)})` : ''}` : '';
      return `<tr class="delivery"><td></td><td class="muted">↳ ${escapeHtml(d.notifier)}</td><td>${escapeHtml(d.profile)}</td><td><span class="tag ${tagFor(d.status)}">${escapeHtml(d.status)}</span></td><td>${escapeHtml(d.reason)}${message ? `<br><span class="muted">${message}</span>` : ''}</td></tr>`;
    });
    return [head, ...perProfile];
  });
  return `<table class="notifications"><thead><tr><th scope="col">At</th><th scope="col">Transition / notifier</th><th scope="col">Profile</th><th scope="col">Status</th><th scope="col">Why</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function tagFor(status: string): string {
  if (status === 'sent') return 'good';
  if (status.startsWith('failed')) return 'bad';
  return 'warn';
}

function events({ recentEvents }: AlarmPageInput): string {
  if (recentEvents.length === 0) return '<p class="empty">No stored events (retention may have removed them).</p>';
  const rows = recentEvents.map(
    (e) => `<tr><td>${timeCell(e.receivedAt)}</td><td>${severityBadge(e.severity)}</td><td>${escapeHtml(e.source)}</td><td>${escapeHtml(e.sourceAddress)}</td><td class="text">${escapeHtml(e.text)}</td></tr>`,
  );
  return `<table class="events"><caption>${plural(recentEvents.length, 'event')}, newest first</caption><thead><tr><th scope="col">Received</th><th scope="col">Severity</th><th scope="col">Source</th><th scope="col">Sender</th><th scope="col">Text</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
