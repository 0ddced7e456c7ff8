import type { LicenceSource, NodeRole } from '../fleet/node-schema.js';

/** A node as the checks see it: its role, its customer, and the licence source in force (configured or asserted). */
export interface LicenceConfigNode {
  id: string;
  name: string;
  role: NodeRole;
  customerId: string;
  licenceSource: LicenceSource;
}

export const LICENCE_CONFIG_CHECKS = ['se-link-on-non-primary', 'se-primary-without-link', 'scn-ip500v2-without-own-link'] as const;
export type LicenceConfigCheck = (typeof LICENCE_CONFIG_CHECKS)[number];

export interface LicenceConfigFinding {
  check: LicenceConfigCheck;
  nodeId: string;
  message: string;
  references: string[];
}

const SE_ROLES: readonly NodeRole[] = ['primary', 'secondary', 'expansion', 'application-server'];
const SE_NON_PRIMARY: readonly NodeRole[] = ['secondary', 'expansion', 'application-server'];

/**
 * Where the COM License Server Link must be (000:6-8), checked per customer — the fleet has no solution or SCN
 * object, so a customer's Server Edition nodes are taken as one solution and its IP500 V2 nodes (role ip500v2) as
 * one SCN:
 * - se-link-on-non-primary: a Secondary, Expansion or Application Server with licence source subscription, as if
 *   it had a link of its own; in Server Edition only the Primary has one.
 * - se-primary-without-link: Server Edition nodes on subscription whose Primary is not (or is not in the fleet):
 *   nothing carries the link.
 * - scn-ip500v2-without-own-link: an IP500 V2 of an SCN not on subscription while another one is; each needs its
 *   own link.
 * Pure; findings in fleet order.
 */
export function checkLicenceConfiguration(nodes: readonly LicenceConfigNode[]): LicenceConfigFinding[] {
  const findings: LicenceConfigFinding[] = [];
  const byCustomer = new Map<string, LicenceConfigNode[]>();
  for (const node of nodes) byCustomer.set(node.customerId, [...(byCustomer.get(node.customerId) ?? []), node]);

  for (const [customerId, members] of byCustomer) {
    const se = members.filter((node) => SE_ROLES.includes(node.role));
    const primary = se.find((node) => node.role === 'primary');
    for (const node of se.filter((candidate) => SE_NON_PRIMARY.includes(candidate.role) && candidate.licenceSource === 'subscription')) {
      findings.push({
        check: 'se-link-on-non-primary',
        nodeId: node.id,
        references: ['000:8'],
        message: `${node.name} (${node.role}) has licence source "subscription" as if it had its own License Server Link, but in Server Edition only the Primary has one; its subscription comes through ${primary ? primary.name : 'the Primary'}: set its licenceSource to server-edition-central and watch the link on the Primary`,
      });
    }
    const subscribed = se.filter((node) => node.licenceSource === 'subscription');
    if (subscribed.length > 0 && primary?.licenceSource !== 'subscription') {
      const anchor = primary ?? subscribed[0]!;
      const where = primary ? `its Primary ${primary.name} has licence source "${primary.licenceSource}"` : `no Primary of customer ${customerId} is in the fleet`;
      findings.push({
        check: 'se-primary-without-link',
        nodeId: anchor.id,
        references: ['000:8'],
        message: `Server Edition nodes of customer ${customerId} are on subscription (${subscribed.map((node) => node.name).join(', ')}) but ${where}: the Primary alone carries the License Server Link to COM, so nothing here watches it`,
      });
    }
    const scn = members.filter((node) => node.role === 'ip500v2');
    const linked = scn.filter((node) => node.licenceSource === 'subscription');
    if (linked.length === 0) continue;
    for (const node of scn.filter((candidate) => candidate.licenceSource !== 'subscription')) {
      findings.push({
        check: 'scn-ip500v2-without-own-link',
        nodeId: node.id,
        references: ['000:6'],
        message: `${node.name} is an IP500 V2 of an SCN with licence source "${node.licenceSource}" while ${linked.map((other) => other.name).join(', ')} ${linked.length === 1 ? 'is' : 'are'} on subscription: each IP500 V2 of an SCN needs its own License Server Link`,
      });
    }
  }
  return findings;
}
