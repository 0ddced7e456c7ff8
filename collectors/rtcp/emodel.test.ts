import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_CODECS } from './codec-table.js';
import { delayImpairment, emodel, mosFromR } from './emodel.js';

const codec = (name: string) => DEFAULT_CODECS.find((c) => c.name === name)!;
const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

describe('E-model (ITU-T G.107, Cole–Rosenbluth delay)', () => {
  // ../shared/reference/ipo-and-voip.md §2.2, "Reference values … computed here".
  const reference: Array<[string, { ie: number; bpl: number }, number, number, number, number]> = [
    ['G.711+PLC', codec('G.711'), 0, 150, 89.6, 4.33],
    ['G.711+PLC', codec('G.711'), 1, 150, 86.0, 4.23],
    ['G.711+PLC', codec('G.711'), 3, 150, 79.5, 4.0],
    ['G.711+PLC', codec('G.711'), 5, 300, 56.7, 2.93],
    ['G.711 no PLC', { ie: 0, bpl: 4.3 }, 1, 150, 71.7, 3.67],
    ['G.729A', codec('G.729'), 0, 150, 78.6, 3.97],
    ['G.729A', codec('G.729'), 1, 150, 74.4, 3.8],
    ['G.729A', codec('G.729'), 3, 300, 50.0, 2.58],
  ];
  for (const [name, { ie, bpl }, loss, delay, r, mos] of reference) {
    it(`${name}, ${loss} % loss, ${delay} ms one way: R ${r}, MOS ${mos}`, () => {
      const got = emodel({ ie, bpl, lossPercent: loss, oneWayDelayMs: delay });
      assert.equal(round1(got.r), r);
      assert.equal(round2(got.mos), mos);
    });
  }

  it('maps R to MOS as in the reference checks, clamped to 1…4.5', () => {
    assert.deepEqual([93.2, 80, 70, 60, 50].map((r) => round2(mosFromR(r))), [4.41, 4.02, 3.6, 3.1, 2.58]);
    assert.deepEqual([-5, 0, 3, 100, 120].map(mosFromR), [1, 1, 1, 4.5, 4.5]);
  });

  it('has no delay impairment below the knee beyond the linear term, and a steep one above it', () => {
    assert.equal(round2(delayImpairment(100)), 2.4);
    assert.equal(round2(delayImpairment(177.3)), 4.26);
    assert.ok(delayImpairment(400) - delayImpairment(300) > 10);
    assert.equal(delayImpairment(-10), 0);
  });

  it('bursty loss (BurstR > 1) hurts more than random loss', () => {
    const random = emodel({ ie: 0, bpl: 25.1, lossPercent: 3, oneWayDelayMs: 100 }).r;
    const bursty = emodel({ ie: 0, bpl: 25.1, lossPercent: 3, oneWayDelayMs: 100, burstR: 2 }).r;
    assert.ok(bursty < random);
  });
});
