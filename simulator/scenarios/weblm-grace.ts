import { Background } from './background.js';
import { runFor } from './primary-failure.js';
import type { Scenario } from './scenario.js';

/** WebLM Error's grace (rules/licence-states.yaml: weblm-error, 30 days, then WebLM Restricted). */
const GRACE_DAYS = 30;

/**
 * The WebLM server becomes unreachable and stays so: each WebLM Primary sends LKS Comms Failure (signal
 * licence-server-link-down: WebLM Normal → WebLM Error, a 30-day grace), then, time-scaled, a day of grace
 * passes every `secondsPerGraceDay`: an LKS Comms Error a day (evidence) and the days left recorded as Manager
 * shows them (POST /api/v1/licences/:node/assertions), down to 0. The stack's licence timer then expires the grace
 * into WebLM Restricted (licence.features-lost, critical).
 */
export const weblmGrace: Scenario = {
  name: 'weblm-grace',
  summary: 'the WebLM server becomes unreachable; the 30-day WebLM Error grace runs out (time-scaled) into WebLM Restricted',
  sizes: (asked) => ({ ...asked, seSolutions: Math.max(1, asked.seSolutions) }),
  async run(ctx, options) {
    const primaries = ctx.fleet.nodes.filter((node) => node.licenceSource === 'weblm');
    const background = new Background(ctx, { concurrentCalls: 2, poorShare: options.poorShare, poor: options.impairment });
    for (const node of primaries) {
      await ctx.trap(node, 'ipoGenLKSCommsFailureSvcEvent', { severity: 'major' });
      await ctx.syslog(node, 'err', 'WebLM Server Error');
    }
    for (let daysLeft = GRACE_DAYS - 1; daysLeft >= 0 && !ctx.stopped; daysLeft -= 1) {
      await runFor(ctx, background, options.secondsPerGraceDay);
      for (const node of primaries) {
        await ctx.trap(node, 'ipoGenLKSCommsErrorSvcEvent', { severity: 'warning' });
        await ctx.licenceGrace(node, 'weblm-error', daysLeft, `simulated: WebLM unreachable, ${daysLeft} days of grace left`);
      }
    }
    await background.run();
  },
};
