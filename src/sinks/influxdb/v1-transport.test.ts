import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rewriteWritePath } from './v1-transport.js';

test('the v2 write path becomes /write?db=…&rp=…&precision=… with 1.x precision names', () => {
  assert.equal(rewriteWritePath('/api/v2/write?org=&bucket=ipo&precision=ns', { database: 'ipo', retentionPolicy: '' }), '/write?db=ipo&precision=n');
  assert.equal(rewriteWritePath('/api/v2/write?org=x&bucket=y&precision=ms', { database: 'ipo db', retentionPolicy: 'one_year' }), '/write?db=ipo+db&rp=one_year&precision=ms');
  assert.equal(rewriteWritePath('/api/v2/write?org=x&bucket=y&precision=us', { database: 'd', retentionPolicy: '' }), '/write?db=d&precision=u');
});

test('other paths pass unchanged', () => {
  assert.equal(rewriteWritePath('/ping', { database: 'ipo', retentionPolicy: '' }), '/ping');
  assert.equal(rewriteWritePath('/api/v2/query?org=x', { database: 'ipo', retentionPolicy: '' }), '/api/v2/query?org=x');
});
