import { Background } from './background.js';
import type { Scenario } from './scenario.js';

export const steady: Scenario = {
  name: 'steady',
  summary: 'background traffic from the whole fleet: every IPO-MIB notification in turn, syslog, SSA alarm lists and RTCP calls (some poor)',
  sizes: (asked) => asked,
  async run(ctx, options) {
    await new Background(ctx, { concurrentCalls: 3, poorShare: options.poorShare, poor: options.impairment }).run();
  },
};
