import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifySendError } from './classify.js';

test('5xx on RCPT is permanent; 4xx, connection and login failures are retryable', () => {
  const cases: Array<[unknown, boolean, boolean]> = [
    [{ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 no such user' }, false, false],
    [{ code: 'EMESSAGE', responseCode: 554, command: 'DATA', response: '554 message refused' }, false, false],
    [{ code: 'EENVELOPE', responseCode: 452, command: 'RCPT TO', response: '452 mailbox full' }, true, false],
    [{ code: 'ECONNECTION', responseCode: 421, command: 'CONN', response: '421 try later' }, true, true],
    [{ code: 'ESOCKET', message: 'connect ECONNREFUSED 127.0.0.1:25' }, true, true],
    [{ code: 'ETIMEDOUT', message: 'Connection timeout' }, true, true],
    [{ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN', response: '535 bad credentials' }, true, true],
    [{ code: 'EENVELOPE', message: 'No recipients defined' }, false, false],
    ['weird', true, true],
  ];
  for (const [error, retryable, transport] of cases) {
    const c = classifySendError(error);
    assert.deepEqual([c.retryable, c.transport], [retryable, transport], JSON.stringify(error));
  }
  assert.equal(classifySendError(cases[0]![0]).error, 'EENVELOPE RCPT TO 550: 550 5.1.1 no such user');
});
