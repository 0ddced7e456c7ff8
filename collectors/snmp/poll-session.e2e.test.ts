import assert from 'node:assert/strict';
import test from 'node:test';
import snmp from 'net-snmp';
import { ENT_PHYSICAL_ENTRY } from '../../mibs/standard-oids.js';
import { freeUdpPort } from '../../simulator/wire/free-port.js';
import { compareOids, openPollSession } from './poll-session.js';

test('OIDs compare arc by arc, numerically', () => {
  assert.ok(compareOids('1.3.6.1.10', '1.3.6.1.9') > 0);
  assert.ok(compareOids('1.3.6.1', '1.3.6.1.0') < 0);
  assert.equal(compareOids('1.3.6.1.2', '1.3.6.1.2'), 0);
});

test('a walk of the last table of a real agent (net-snmp) ends after its rows, each once, in order', async (t) => {
  // Past its last object this agent answers GETBULK with a varbind that has no OID: the walk must end there.
  const port = await freeUdpPort('127.0.0.1');
  const agent = snmp.createAgent({ port, address: '127.0.0.1', accessControlModelType: snmp.AccessControlModelType.None }, () => undefined);
  t.after(() => agent.close());
  agent.getAuthorizer().addCommunity('public');
  const mib = agent.getMib();
  mib.registerProvider({
    name: 'entPhysicalTable',
    type: snmp.MibProviderType.Table,
    oid: ENT_PHYSICAL_ENTRY,
    maxAccess: snmp.MaxAccess['not-accessible'],
    tableColumns: [
      { number: 1, name: 'entPhysicalIndex', type: snmp.ObjectType.Integer, maxAccess: snmp.MaxAccess['not-accessible'] },
      { number: 2, name: 'entPhysicalDescr', type: snmp.ObjectType.OctetString, maxAccess: snmp.MaxAccess['read-only'] },
    ],
    tableIndex: [{ columnName: 'entPhysicalIndex' }],
  });
  for (let index = 1; index <= 3; index += 1) mib.addTableRow('entPhysicalTable', [index, `card ${index}`]);
  // The agent answers from this process at once; the timeout only has to outlast a busy machine's pauses.
  const session = openPollSession({ address: '127.0.0.1', port, version: 'v2c', community: 'public', timeoutMs: 5000, retries: 1 });
  t.after(() => session.close());
  const rows = await session.subtree(ENT_PHYSICAL_ENTRY, 1000);
  assert.deepEqual(
    rows.map((vb) => String(vb.value)),
    ['card 1', 'card 2', 'card 3'],
  );
});
