import { Background } from './background.js';
import { primaryFailure, primaryFailureEpisode, runFor } from './primary-failure.js';
import type { Scenario } from './scenario.js';
import { trunkCardEpisode, trunkCardFailure } from './trunk-card-failure.js';

/** Scenario seconds of background traffic before the first failure: the page fills first. */
export const DEMO_LEAD_IN_SECONDS = 40;
/**
 * Scenario seconds after the Primary is back before the next episode: long enough for the demo stack's scaled
 * failback (DEMO_RESILIENCY_SCALE: 33 s) at the demo's two scenario seconds per real second, so the incident closes.
 */
export const DEMO_SETTLE_SECONDS = 90;
/** Between the trunk card's recovery and the next round. */
const DEMO_REST_SECONDS = 40;

/**
 * What `npm run demo` plays: steady background traffic from the systems outside the first Server Edition
 * solution, and on a loop, a primary-failure episode (a node-down incident that fails over, comes back, fails back
 * and closes, when the stack's resiliency waits are scaled) and a trunk card failure on an IP500 V2, so a newcomer
 * sees an incident open and close in the first two minutes.
 */
export const demoLoop: Scenario = {
  name: 'demo',
  summary: 'background traffic, then on a loop a Primary failure (failover and failback with a time-scaled stack) and a trunk card failure',
  sizes: (asked) => trunkCardFailure.sizes(primaryFailure.sizes(asked)),
  async run(ctx, options) {
    const primary = ctx.fleet.nodes.find((node) => node.role === 'primary')!;
    const others = ctx.fleet.nodes.filter((node) => node.solution !== primary.solution);
    const background = new Background(ctx, { concurrentCalls: 3, poorShare: options.poorShare, poor: options.impairment, nodes: others });
    const card = others.find((node) => node.role === 'ip500v2');
    await runFor(ctx, background, DEMO_LEAD_IN_SECONDS);
    while (!ctx.stopped) {
      await primaryFailureEpisode(ctx, background, primary, options.outageSeconds);
      await runFor(ctx, background, DEMO_SETTLE_SECONDS);
      if (card) {
        await trunkCardEpisode(ctx, background, card, options);
        await runFor(ctx, background, DEMO_REST_SECONDS);
      }
    }
  },
};
