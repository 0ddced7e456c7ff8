import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapSyslogToEvent } from '../../collectors/syslog/map.js';
import { parseSyslog } from '../../collectors/syslog/parse-syslog.js';
import { rfc3164Stamp, trunkAlarmLine, trunkOf } from './alarm-line.js';

test('the bench alarm line raises a major Trunk lines alarm on the named host, one key per trunk', () => {
  const bytes = trunkAlarmLine('bench-node-17', 1042, new Date(2026, 10, 1, 9, 5, 7));
  assert.equal(bytes.toString(), '<131>Nov  1 09:05:07 bench-node-17 IPOffice: Alarm: Trunk: Trunk 1042 red alarm');
  const parsed = parseSyslog(bytes, Date.now());
  assert.ok(parsed.ok);
  const event = mapSyslogToEvent(parsed, { receivedAt: Date.now(), sourceAddress: '127.0.0.1', raw: bytes });
  assert.equal(event.hostname, 'bench-node-17');
  assert.equal(event.raisesAlarm, true);
  assert.equal(event.severity, 'major');
  assert.equal(event.category, 'Trunk lines');
  assert.equal(event.alarmKey, 'trunk 1042 red alarm');
  assert.equal(trunkOf(event.text), 1042);
});

test('trunkOf finds the number in a subject and nothing elsewhere', () => {
  assert.equal(trunkOf('[ipo-observer][noc][MAJOR][Trunk lines] C / S / N: Trunk 7 red alarm'), 7);
  assert.equal(trunkOf('no alarm here'), null);
  assert.equal(rfc3164Stamp(new Date(2026, 0, 21, 23, 0, 0)), 'Jan 21 23:00:00');
});
