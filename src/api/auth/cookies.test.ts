import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readCookie, sessionCookie } from './cookies.js';
import { safeNextPath } from './next-path.js';

test('after sign-in only same-site paths are followed', () => {
  assert.equal(safeNextPath('/alarms?state=open'), '/alarms?state=open');
  assert.equal(safeNextPath('/alarms/42'), '/alarms/42');
  for (const bad of [undefined, '', 'alarms', '//evil.example/x', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/x\r\nSet-Cookie: a=b', '/login?next=/x', '/logout']) {
    assert.equal(safeNextPath(bad), '/', String(bad));
  }
});

test('the session cookie is HttpOnly, SameSite=Strict, Path=/, and Secure only behind https', () => {
  assert.equal(sessionCookie('abc', { secure: false, maxAgeSeconds: 60 }), 'ipo_session=abc; Path=/; HttpOnly; SameSite=Strict; Max-Age=60');
  assert.match(sessionCookie('abc', { secure: true, maxAgeSeconds: 60 }), /; Secure$/);
  assert.equal(readCookie('a=1; ipo_session=xyz; b=2', 'ipo_session'), 'xyz');
  assert.equal(readCookie('a=1', 'ipo_session'), undefined);
  assert.equal(readCookie(undefined, 'ipo_session'), undefined);
});
