import { STORM_77721_SIZES } from '../fleet/generate.js';
import { trunkPortName } from '../fleet/hardware.js';
import type { Scenario } from './scenario.js';

/**
 * The alarm storm of IPOFFICE-77721 (002:1551): about 500 IP Office systems on release 9.1 with 12,000 users
 * all reporting alarms at once. Round after round, every system sends a Trunk Error, a Service Error and an
 * `Alarm:` syslog line, and every fifth a QoS notification: minor and warning alarms in the main (the workaround
 * is to report only critical ones). Rounds follow each other at once: the run's rate alone paces the storm, so the
 * load is bounded and repeatable.
 */
export const storm77721: Scenario = {
  name: 'storm-77721',
  summary: 'the IPOFFICE-77721 alarm storm: ~500 IP500 V2 systems on 9.1 with 12,000 users all raising alarms (bounded by --rate)',
  sizes: () => STORM_77721_SIZES,
  async run(ctx) {
    for (let round = 1; !ctx.stopped; round++) {
      for (const node of ctx.fleet.nodes) {
        if (ctx.stopped) return;
        await ctx.trap(node, 'ipoGenTrunkErrorSvcEvent', { severity: 'minor', reason: 'trunkSeizeFailure', data: trunkPortName(1 + (round % 2)), description: `Seize failure, round ${round}` });
        await ctx.trap(node, 'ipoGenServiceErrorSvcEvent', { severity: 'warning', reason: 'serviceAllResourcesInUse', data: 'VCM', description: 'All VCM channels in use' });
        await ctx.syslog(node, 'warning', `Alarm: Service: Jitter threshold exceeded ext ${node.phones[round % node.phones.length]?.extension ?? 201}`);
        if (node.index % 5 === round % 5) {
          const phone = node.phones[0];
          await ctx.trap(node, 'ipoGenQoSMonSvcEvent', { severity: 'warning', qos: { jitterMs: 60, roundTripMs: 420, packetLoss: 5, callId: round, deviceType: 'extn', deviceId: 1, extension: Number(phone?.extension ?? 201) } });
        }
      }
    }
  },
};
