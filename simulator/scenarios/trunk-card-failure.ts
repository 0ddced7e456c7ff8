import type { SimContext } from '../context.js';
import { TRUNK_CARD, trunkPortName } from '../fleet/hardware.js';
import type { SimNode } from '../fleet/sim-fleet.js';
import { Background } from './background.js';
import { runFor } from './primary-failure.js';
import type { Scenario, ScenarioOptions } from './scenario.js';

const TRUNK_CARD_ENTITY = 3;
const PORTS = [1, 2];

/**
 * An IP500 V2's PRI trunk card fails: Entity Failure for the card, Trunk Failure (red alarm, loss of signal) for
 * each of its ports, the same as syslog `Alarm: Trunk:` lines and in SSA's Trunk list, and the calls on that
 * system go bad (RTCP with the configured impairment, IPO-MIB QoS notifications). After the outage everything
 * reports Operational and SSA shows the entries black.
 */
export const trunkCardFailure: Scenario = {
  name: 'trunk-card-failure',
  summary: 'the PRI trunk card of an IP500 V2 fails: card and trunk alarms, poor calls on that system; then it recovers',
  sizes: (asked) => ({ ...asked, ip500v2Systems: Math.max(1, asked.ip500v2Systems), phonesPerNode: Math.max(4, asked.phonesPerNode) }),
  async run(ctx, options) {
    const node = ctx.fleet.nodes.find((candidate) => candidate.role === 'ip500v2')!;
    await trunkCardEpisode(ctx, new Background(ctx, { concurrentCalls: 2, poorShare: 0, poor: options.impairment, nodes: [node] }), node, options);
    await new Background(ctx, { concurrentCalls: 3, poorShare: options.poorShare, poor: options.impairment }).run();
  },
};

/** The card of `node` fails for the outage, with poor calls on it (started on `background`), then recovers. */
export async function trunkCardEpisode(ctx: SimContext, background: Background, node: SimNode, options: Pick<ScenarioOptions, 'outageSeconds' | 'impairment'>): Promise<void> {
  await reportCard(ctx, node, true);
  for (let i = 0; i < 2; i++) background.startCall(node, options.impairment, 4);
  const phone = node.phones[0]!;
  await ctx.trap(node, 'ipoGenQoSMonSvcEvent', {
    severity: 'warning',
    qos: { jitterMs: options.impairment.jitterMs, roundTripMs: options.impairment.roundTripMs, packetLoss: Math.round(options.impairment.lossPercent), callId: 1, deviceType: 'extn', deviceId: 1, extension: Number(phone.extension) },
  });
  await background.rtcpRound();
  await runFor(ctx, background, options.outageSeconds);
  await reportCard(ctx, node, false);
}

async function reportCard(ctx: SimContext, node: SimNode, failed: boolean): Promise<void> {
  const severity = failed ? 'critical' : 'cleared';
  await ctx.trap(node, failed ? 'ipoGenEntityFailureSvcEvent' : 'ipoGenEntityOperationalSvcEvent', { severity, entityIndex: TRUNK_CARD_ENTITY, entityName: TRUNK_CARD.name });
  for (const port of PORTS) {
    await ctx.trap(node, failed ? 'ipoGenTrunkFailureSvcEvent' : 'ipoGenTrunkOperationalSvcEvent', {
      severity: failed ? 'major' : 'cleared',
      reason: port === 1 ? 'trunkRedAlarm' : 'trunkLOS',
      data: trunkPortName(port),
      description: failed ? `T1 PRI ${port} ${port === 1 ? 'red alarm' : 'loss of signal'}` : '',
      remedialAction: failed ? 'Check the trunk card and the line to the carrier' : '',
    });
    const text = `${trunkPortName(port)} red alarm`;
    await ctx.syslog(node, failed ? 'err' : 'notice', failed ? `Alarm: Trunk: ${text}` : `Alarm: Trunk: Cleared: ${text}`);
    await ctx.ssa(node, 'Trunk', `${trunkPortName(port)}: Red Alarm`, failed);
  }
}
