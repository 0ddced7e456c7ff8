import type { SimContext } from '../context.js';
import { solutionOf, type SimNode } from '../fleet/sim-fleet.js';
import { Background } from './background.js';
import type { Scenario } from './scenario.js';

/** How many of the Primary's phones re-register (phone change notifications) on each move. */
const PHONES_MOVED = 8;
/** Scenario seconds from the Primary's silence to its peers' Link Failure notifications (at most half the outage). */
const LINE_DETECT_SECONDS = 10;

/**
 * A Server Edition Primary fails and comes back: it goes silent and stops answering the stack's polls (its SNMP
 * agent closes: poll.node-unreachable, a node-down incident with the Secondary taking over); a little later the
 * Secondary and every Expansion report their IP Office Line to it down (IPO-MIB Link Failure naming the Primary,
 * src/resiliency/README.md "Detection") and its phones re-register on the Secondary (phone change notifications
 * from the Secondary, 003:659-662). After the outage it answers again with a fresh sysUpTime and cold-starts (the
 * restart trap), the lines report Operational and the phones move back. Background traffic from the rest of the
 * fleet goes on meanwhile.
 */
export const primaryFailure: Scenario = {
  name: 'primary-failure',
  summary: 'a Server Edition Primary goes silent (lines down from its Secondary and Expansions, phones re-register on the Secondary), then fails back',
  sizes: (asked) => ({ ...asked, seSolutions: Math.max(1, asked.seSolutions), expansionsPerSolution: Math.max(1, asked.expansionsPerSolution) }),
  async run(ctx, options) {
    const primary = ctx.fleet.nodes.find((node) => node.role === 'primary')!;
    const others = ctx.fleet.nodes.filter((node) => node.solution !== primary.solution);
    const background = new Background(ctx, { concurrentCalls: 2, poorShare: options.poorShare, poor: options.impairment, ...(others.length > 0 && { nodes: others }) });
    await primaryFailureEpisode(ctx, background, primary, options.outageSeconds);
    await background.run();
  },
};

/**
 * One failure and return of `primaryNode`, with `background` (which must leave out its solution: a "silent"
 * Primary sending traps would be back) ticking meanwhile. The peers' line reports come after their line
 * supervision (LINE_DETECT_SECONDS), which is also after the stack's polls found the Primary unreachable when the
 * polling is scaled (simStackConfig): so the lines join the node's incident instead of opening their own.
 */
export async function primaryFailureEpisode(ctx: SimContext, background: Background, primaryNode: SimNode, outageSeconds: number): Promise<void> {
  const { primary, secondary, expansions } = solutionOf(ctx.fleet, primaryNode.id);
  const peers = [secondary, ...expansions].filter((node): node is SimNode => node !== undefined);
  await ctx.syslog(primary, 'info', 'Audit: Configuration Changed: user Administrator merged the configuration');
  await ctx.silence(primary);
  const detect = Math.min(LINE_DETECT_SECONDS, outageSeconds / 2);
  await runFor(ctx, background, detect);
  for (const peer of peers) await lineTrap(ctx, peer, primary, 'ipoGenLinkFailureSvcEvent', 'major');
  if (secondary) await movePhones(ctx, secondary, primary);
  await runFor(ctx, background, outageSeconds - detect);

  await ctx.revive(primary);
  await ctx.trap(primary, 'ipoGenColdStartSvcEvent', { severity: 'major' });
  await ctx.syslog(primary, 'notice', 'Audit: Cold Start');
  for (const peer of peers) await lineTrap(ctx, peer, primary, 'ipoGenLinkOperationalSvcEvent', 'cleared');
  if (secondary) await movePhones(ctx, primary, primary);
}

/** The peer's IP Office Line to the Primary: Link notifications name the line in ipoGTEventData. */
function lineTrap(ctx: SimContext, from: SimNode, to: SimNode, name: string, severity: string) {
  return ctx.trap(from, name, {
    severity,
    reason: 'trunkIPConnectFail',
    data: `IP Office Line to ${to.hostname}`,
    description: severity === 'cleared' ? '' : `IP Office Line to ${to.name} is down`,
    remedialAction: severity === 'cleared' ? '' : 'Check the network path to the Primary',
  });
}

/** Phones of the Primary register on `on` (the Secondary during the outage, back home after). */
async function movePhones(ctx: SimContext, on: SimNode, home: SimNode) {
  for (const phone of home.phones.slice(0, PHONES_MOVED)) {
    await ctx.trap(on, 'ipoPhonesChangeSvcEvent', { severity: 'minor', phone: { extension: Number(phone.extension), type: 'a9608ip', port: 1 }, entityName: `Controller, IP Phone ${phone.extension}` });
  }
}

/** Background ticks for `seconds` of scenario time. */
export async function runFor(ctx: SimContext, background: Background, seconds: number): Promise<void> {
  for (let elapsed = 0; elapsed < seconds && !ctx.stopped; elapsed += 1) {
    await background.tick();
    if (!(await ctx.wait(Math.min(1, seconds - elapsed)))) return;
  }
}
