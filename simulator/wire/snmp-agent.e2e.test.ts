import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPollSession } from '../../collectors/snmp/poll-session.js';
import { parseEntityTable, parsePhoneTable } from '../../collectors/snmp/inventory.js';
import { IPO_PHONES_ENTRY_OID } from '../../mibs/ipo-phones-mib.js';
import { ENT_PHYSICAL_ENTRY, SYS_DESCR, SYS_UP_TIME } from '../../mibs/standard-oids.js';
import { generateFleet } from '../fleet/generate.js';
import { freeUdpPort } from './free-port.js';
import { startAgent } from './snmp-agent.js';

test('a simulated system answers the stack\'s own poll session: system group, cards and ports, phones; closed, it times out', async (t) => {
  const node = generateFleet(5).nodes.find((n) => n.role === 'expansion')!;
  const port = await freeUdpPort(node.address);
  const agent = await startAgent(node, port, 'public', 'IP Office IP500 V2 11.1');
  // Each request of the walks below must be answered within the timeout: 2 s, not 500 ms, so a busy machine's stall is no silence.
  const session = openPollSession({ address: node.address, port, version: 'v2c', community: 'public', timeoutMs: 2000, retries: 0 });
  t.after(async () => {
    session.close();
    await agent.close();
  });
  const [descr, upTime] = await session.get([SYS_DESCR, SYS_UP_TIME]);
  assert.equal(Buffer.from(descr!.value as Buffer).toString(), 'IP Office IP500 V2 11.1');
  assert.equal(typeof upTime!.value, 'number');

  const entities = parseEntityTable(await session.subtree(ENT_PHYSICAL_ENTRY));
  const paths = new Map(entities.map((row) => [row.index, row.path]));
  assert.equal(paths.get(3), 'Controller, Slot 3, PRI-U', 'the trunk card has the index and name its traps use');
  assert.equal(paths.get(5), 'Controller, Slot 3, PRI-U, T1 PRI 2');
  assert.equal(paths.get(6), 'Controller, Slot 2, VCM64');
  const phones = parsePhoneTable(await session.subtree(IPO_PHONES_ENTRY_OID));
  assert.deepEqual(phones.map((p) => [p.extension, p.ipAddress]), node.phones.map((p) => [p.extension, p.address]));

  await agent.close();
  await assert.rejects(session.get([SYS_UP_TIME]), 'a silent system does not answer');
});
