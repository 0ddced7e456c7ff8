import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { eventually } from '../test/helpers/eventually.js';
import { NotifierLoop } from './notifier-loop.js';

const HOUR = 3_600_000;
const log = pino({ level: 'silent' });
/** Lets setImmediate callbacks queued so far (and the steps they start) run. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A loop whose timer never fires within a test (one hour), counting its steps. */
function countingLoop(step: () => Promise<void> = async () => {}) {
  let steps = 0;
  const loop = new NotifierLoop(
    async () => {
      steps++;
      await step();
    },
    HOUR,
    log,
  );
  return { loop, steps: () => steps };
}

test('wake() runs a step without waiting for the timer', async (t) => {
  const { loop, steps } = countingLoop();
  t.after(() => loop.stop());
  loop.start();
  await eventually(() => assert.equal(steps(), 1, 'start() runs the first step at once'));
  loop.wake();
  await eventually(() => assert.equal(steps(), 2));
});

test('wake-ups before the step runs are one step, not one each', async (t) => {
  const { loop, steps } = countingLoop();
  t.after(() => loop.stop());
  loop.start();
  await eventually(() => assert.equal(steps(), 1));
  for (let i = 0; i < 5; i++) loop.wake();
  await nextTurn();
  await nextTurn();
  assert.equal(steps(), 2);
});

test('a wake-up during a step runs one more step after it, never two at once', async (t) => {
  let release: () => void = () => {};
  let inFlight = 0;
  let most = 0;
  const { loop, steps } = countingLoop(async () => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise<void>((resolve) => (release = resolve));
    inFlight--;
  });
  t.after(() => {
    release();
    return loop.stop();
  });
  loop.start();
  await eventually(() => assert.equal(steps(), 1));
  loop.wake();
  await nextTurn();
  assert.equal(steps(), 1, 'the first step is still running');
  release();
  await eventually(() => assert.equal(steps(), 2, 'the wake-up is served after the step in flight'));
  release();
  await loop.stop();
  assert.equal(most, 1);
});

test('wake() before start() and after stop() runs nothing', async () => {
  const { loop, steps } = countingLoop();
  loop.wake();
  await nextTurn();
  assert.equal(steps(), 0);
  loop.start();
  await eventually(() => assert.equal(steps(), 1));
  await loop.stop();
  loop.wake();
  await nextTurn();
  assert.equal(steps(), 1);
});
