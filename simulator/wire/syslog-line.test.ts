import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSyslog } from '../../collectors/syslog/parse-syslog.js';
import { mapSyslogToEvent } from '../../collectors/syslog/map.js';
import { octetCounted, rfc3164Line, rfc5424Line } from './syslog-line.js';

const at = new Date(Date.UTC(2026, 10, 1, 4, 19, 13));

test('an RFC 3164 IP Office alarm line parses and maps to the trunk alarm of that host', () => {
  const line = rfc3164Line('CUST001-IPO1', 'err', 'Alarm: Trunk: Controller, Slot 3, PRI-U, T1 PRI 1 red alarm', at);
  assert.equal(line, '<131>Nov  1 04:19:13 CUST001-IPO1 IPOffice: Alarm: Trunk: Controller, Slot 3, PRI-U, T1 PRI 1 red alarm');
  const raw = Buffer.from(line);
  const parsed = parseSyslog(raw, at.getTime());
  assert.ok(!('reason' in parsed), JSON.stringify(parsed));
  if ('reason' in parsed) return;
  assert.equal(parsed.hostname, 'CUST001-IPO1');
  const event = mapSyslogToEvent(parsed, { sourceAddress: '127.1.0.4', receivedAt: at.getTime(), raw });
  assert.equal(event.code, 'syslog.alarm.trunk');
  assert.equal(event.raisesAlarm, true);
  assert.equal(event.category, 'Trunk lines');
});

test('RFC 5424 lines are octet-counted for TCP and parse with their ISO time', () => {
  const line = rfc5424Line('CUST001-IPO1', 'info', 'Audit: Cold Start', at);
  const framed = octetCounted(line).toString();
  assert.equal(framed, `${Buffer.byteLength(line)} ${line}`);
  const parsed = parseSyslog(Buffer.from(line), at.getTime());
  assert.ok(!('reason' in parsed));
  if ('reason' in parsed) return;
  assert.equal(parsed.timestamp, at.getTime());
  assert.equal(parsed.message, 'Audit: Cold Start');
});
