import { CodedError } from '../../src/errors.js';
import { Rng } from '../rng.js';
import { deviceIdOf, MAX_NODES, MAX_PHONES_PER_NODE, nodeAddress, phoneAddress, phonePrefix } from './addresses.js';
import { ip500v2Cards, ip500v2Modules } from './hardware.js';
import { customerName, siteName, TIME_ZONES, userName } from './names.js';
import type { FleetSizes, SimCustomer, SimFleet, SimNode, SimSite } from './sim-fleet.js';

export const DEFAULT_SIZES: FleetSizes = {
  customers: 3,
  sitesPerCustomer: 2,
  seSolutions: 1,
  expansionsPerSolution: 1,
  ip500v2Systems: 4,
  phonesPerNode: 8,
  version: '11.1.3.0 build 23',
};

/** IPOFFICE-77721 (002:1551): "about 500 IPOs and 12,000 users" on release 9.1. */
export const STORM_77721_SIZES: FleetSizes = {
  customers: 50,
  sitesPerCustomer: 2,
  seSolutions: 0,
  expansionsPerSolution: 0,
  ip500v2Systems: 500,
  phonesPerNode: 24,
  version: '9.1.12.0 build 172',
};

type Role = SimNode['role'];

/**
 * A fleet from a seed and sizes: customers with sites, Server Edition solutions (Primary and Secondary at the
 * customer's first site, Expansions at its other sites) and IP500 V2 systems spread over the sites, each with its
 * phones, cards and modules. The same seed and sizes give the same fleet.
 */
export function generateFleet(seed: number, sizes: FleetSizes = DEFAULT_SIZES): SimFleet {
  checkSizes(sizes);
  const rng = new Rng(seed);
  const customers: SimCustomer[] = Array.from({ length: sizes.customers }, (_, c) => {
    const id = `cust${String(c + 1).padStart(3, '0')}`;
    const timeZone = rng.pick(TIME_ZONES);
    const sites: SimSite[] = Array.from({ length: sizes.sitesPerCustomer }, (_, s) => ({ id: `${id}-site${s + 1}`, name: siteName(s), timeZone, nodes: [] }));
    return { id, name: customerName(c), sites };
  });
  const nodes: SimNode[] = [];
  const add = (role: Role, customer: SimCustomer, site: SimSite, id: string, name: string, solution: string | null): SimNode => {
    const node = makeNode(nodes.length, role, customer, site, id, name, solution, sizes, rng);
    nodes.push(node);
    site.nodes.push(node);
    return node;
  };

  for (let j = 0; j < sizes.seSolutions; j++) {
    const customer = customers[j % customers.length]!;
    const hq = customer.sites[0]!;
    const base = `${customer.id}-se${Math.floor(j / customers.length) + 1}`;
    const primary = add('primary', customer, hq, `${base}-primary`, `${hq.name} Primary`, `${base}-primary`);
    const secondary = add('secondary', customer, hq, `${base}-secondary`, `${hq.name} Secondary`, primary.id);
    const expansions = Array.from({ length: sizes.expansionsPerSolution }, (_, e) => {
      const site = customer.sites[(e + 1) % customer.sites.length]!;
      return add('expansion', customer, site, `${base}-exp${e + 1}`, `${site.name} Expansion ${e + 1}`, primary.id);
    });
    const backups = { phones: secondary.id, huntGroups: secondary.id, voicemail: secondary.id, oneXPortal: secondary.id };
    primary.resilience = { backup: backups, lines: [secondary.id, ...expansions.map((node) => node.id)], voicemailDualActive: false };
    secondary.resilience = { backup: { phones: primary.id }, lines: [primary.id] };
    for (const expansion of expansions) expansion.resilience = { backup: { phones: secondary.id }, lines: [primary.id, secondary.id] };
  }

  for (let i = 0; i < sizes.ip500v2Systems; i++) {
    const customer = customers[i % customers.length]!;
    const site = customer.sites[Math.floor(i / customers.length) % customer.sites.length]!;
    const id = `${customer.id}-ipo${Math.floor(i / customers.length) + 1}`;
    add('ip500v2', customer, site, id, `${site.name} IP500 V2 ${Math.floor(i / customers.length) + 1}`, null);
  }
  return { seed, sizes, customers, nodes };
}

function makeNode(index: number, role: Role, customer: SimCustomer, site: SimSite, id: string, name: string, solution: string | null, sizes: FleetSizes, rng: Rng): SimNode {
  const isV2 = role === 'ip500v2' || role === 'expansion';
  const phoneCount = role === 'application-server' ? 0 : sizes.phonesPerNode;
  const firstExtension = 200 + rng.int(0, 7) * 100;
  const phones = Array.from({ length: phoneCount }, (_, p) => ({
    extension: String(firstExtension + p),
    user: userName(index * 7 + p),
    address: phoneAddress(index, p),
  }));
  return {
    index,
    id,
    name,
    role,
    platform: isV2 ? 'ip500v2' : rng.pick(['linux-server', 'virtual'] as const),
    version: sizes.version,
    licenceSource: role === 'primary' ? 'weblm' : solution ? 'server-edition-central' : 'nodal',
    customerId: customer.id,
    siteId: site.id,
    address: nodeAddress(index),
    hostname: id.toUpperCase(),
    deviceId: deviceIdOf(index),
    phonePrefix: phonePrefix(index),
    phones,
    cards: isV2 ? ip500v2Cards() : [],
    modules: isV2 ? ip500v2Modules(phoneCount) : [],
    solution,
    polled: solution !== null,
  };
}

function checkSizes(sizes: FleetSizes): void {
  const counts: Array<[keyof FleetSizes, number, number]> = [
    ['customers', 1, 1000],
    ['sitesPerCustomer', 1, 50],
    ['seSolutions', 0, 1000],
    ['expansionsPerSolution', 0, 30],
    ['ip500v2Systems', 0, MAX_NODES],
    ['phonesPerNode', 0, MAX_PHONES_PER_NODE],
  ];
  for (const [key, min, max] of counts) {
    const value = sizes[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new CodedError('IPO_ERR_BAD_REQUEST', `fleet size ${key}: expected a whole number from ${min} to ${max}; got ${String(value)}`);
    }
  }
  const total = sizes.seSolutions * (2 + sizes.expansionsPerSolution) + sizes.ip500v2Systems;
  if (total < 1 || total > MAX_NODES) throw new CodedError('IPO_ERR_BAD_REQUEST', `fleet sizes give ${total} systems; expected 1 to ${MAX_NODES}`);
}
