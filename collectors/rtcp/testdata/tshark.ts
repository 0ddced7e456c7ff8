// Decodes datagrams with Wireshark's RTCP dissector (Debian tshark), the reference the parser is checked against:
// each datagram becomes one UDP frame to port 5005 (text2pcap), all of them in one tshark run.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TsharkPacket {
  /** Every rtcp.* field of the packet, nested labels flattened: field → values in order. */
  fields: Map<string, string[]>;
  /** Expert messages inside the packet ("Invalid block length, should be 8"). */
  experts: string[];
}

export interface TsharkFrame {
  packets: TsharkPacket[];
  /** Wireshark gave up on the frame ("Malformed Packet (Exception occurred)"). */
  malformed: boolean;
}

export async function tsharkDecode(datagrams: Buffer[], dir: string): Promise<TsharkFrame[]> {
  const text = datagrams.map((d) => `000000 ${d.toString('hex').replace(/(..)/g, '$1 ').trim()}\n`).join('');
  const hex = join(dir, 'rtcp.txt');
  const pcap = join(dir, 'rtcp.pcap');
  writeFileSync(hex, text);
  await run('text2pcap', ['-q', '-u', '40000,5005', hex, pcap]);
  const { stdout } = await run('tshark', ['-r', pcap, '-d', 'udp.port==5005,rtcp', '-T', 'json', '--no-duplicate-keys'], { maxBuffer: 64 * 1024 * 1024 });
  const frames = JSON.parse(stdout) as Array<{ _source: { layers: Record<string, unknown> } }>;
  return frames.map(({ _source: { layers } }) => {
    const rtcp = layers['rtcp'];
    const list = rtcp === undefined ? [] : Array.isArray(rtcp) ? rtcp : [rtcp];
    return { packets: list.map((p) => flatten(p as Record<string, unknown>)), malformed: '_ws.malformed' in layers };
  });
}

function flatten(packet: Record<string, unknown>): TsharkPacket {
  const fields = new Map<string, string[]>();
  const experts: string[] = [];
  const walk = (node: unknown, key: string | null) => {
    if (Array.isArray(node)) for (const item of node) walk(item, key);
    else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, k);
    else if (typeof node === 'string' && key) {
      if (key === '_ws.expert.message') experts.push(node);
      else if (key.startsWith('rtcp.')) fields.set(key, [...(fields.get(key) ?? []), node]);
    }
  };
  walk(packet, null);
  return { fields, experts };
}

/** The single value of a field (fails loudly when tshark has none or several). */
export function field(packet: TsharkPacket | undefined, name: string): string {
  const values = packet?.fields.get(name);
  if (!values || values.length !== 1) throw new Error(`tshark field ${name}: ${JSON.stringify(values)} in ${JSON.stringify([...(packet?.fields ?? [])])}`);
  return values[0]!;
}

/** tshark writes SSRCs as 0x%08x. */
export const hex32 = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;
