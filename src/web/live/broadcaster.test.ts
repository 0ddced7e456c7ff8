import assert from 'node:assert/strict';
import { test } from 'node:test';
import { webDeps } from '../../../test/fakes/web-harness.js';
import { alarmChangesOf, LiveBroadcaster } from './broadcaster.js';

function client() {
  const frames: string[] = [];
  let ended = false;
  return { frames, ended: () => ended, client: { write: (chunk: string) => void frames.push(chunk), end: () => void (ended = true) } };
}

test('one alarms frame per batch, coalesced per alarm; repeats count as changes without transitions', () => {
  const { feed } = webDeps();
  const raised = feed({ severity: 'major', alarmKey: 'a' });
  const repeat = feed({ severity: 'major', alarmKey: 'a' });
  const other = feed({ severity: 'minor', alarmKey: 'b' });
  const changes = alarmChangesOf([raised, repeat, other]);
  assert.deepEqual(changes, [
    { id: raised.alarm!.id, nodeId: 'hq-primary', state: 'active', severity: 'major', transitions: ['raised'] },
    { id: other.alarm!.id, nodeId: 'hq-primary', state: 'active', severity: 'minor', transitions: ['raised'] },
  ]);

  const live = new LiveBroadcaster();
  const a = client();
  live.subscribe(a.client);
  live.onRecorded([raised, repeat]);
  live.onRecorded([]);
  assert.equal(a.frames.length, 1);
  assert.match(a.frames[0]!, /^event: alarms\ndata: \[\{"id":\d+,"nodeId":"hq-primary","state":"active","severity":"major","transitions":\["raised"\]\}\]\n\n$/);
  live.heartbeat();
  assert.equal(a.frames[1], ': heartbeat\n\n');
});

test('bounded clients; a failing client is dropped; closeAll ends every stream', () => {
  const live = new LiveBroadcaster(2);
  const a = client();
  const b = client();
  const unsubscribeA = live.subscribe(a.client);
  assert.ok(unsubscribeA);
  assert.ok(live.subscribe({ write: () => { throw new Error('socket gone'); }, end: () => {} }));
  assert.equal(live.subscribe(b.client), null, 'the third is refused');
  live.publish('alarms', []);
  assert.equal(live.size, 1, 'the failing client was dropped');
  assert.ok(live.subscribe(b.client));
  unsubscribeA!();
  assert.equal(live.size, 1);
  live.closeAll();
  assert.equal(live.size, 0);
  assert.ok(b.ended());
  assert.ok(!a.ended(), 'an unsubscribed client is not ours to end');
});

test('a heartbeat ends the streams whose session is no longer active; drop ends one stream at once', () => {
  const live = new LiveBroadcaster();
  let active = true;
  const signedIn = client();
  const token = client();
  const other = client();
  live.subscribe({ ...signedIn.client, isActive: () => active });
  live.subscribe(token.client);
  const otherClient = { ...other.client, isActive: () => true };
  live.subscribe(otherClient);
  live.heartbeat();
  assert.deepEqual([signedIn.ended(), signedIn.frames.length], [false, 1]);
  active = false;
  live.heartbeat();
  assert.equal(signedIn.ended(), true);
  assert.equal(signedIn.frames.length, 1, 'no heartbeat to an ended stream');
  assert.equal(token.frames.length, 2, 'a stream without a session (token, authentication off) goes on');
  live.drop(otherClient);
  live.drop(otherClient);
  assert.deepEqual([other.ended(), live.size], [true, 1]);
});
