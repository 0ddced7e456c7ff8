import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { eventually } from '../../test/helpers/eventually.js';
import { makeTempDir } from '../../test/helpers/temp-dir.js';
import { snmpConfigSchema } from './config.js';
import { createFakeContext, fleetWith } from '../../test/fakes/collector-context.js';
import { createSnmpCollector } from './index.js';
import { freeUdpPort, startSnmpd, type TestSnmpd } from './testdata/snmpd.js';

const run = promisify(execFile);

/**
 * snmpd, and one walk of each served table with a long timeout: snmpd starts its pass_persist helpers (node) on
 * first use and answers nothing until they are up, which on a busy machine can outlast a poll's timeout and retry,
 * and a poll that times out is a missed poll or a walk error the assertions below would count.
 */
async function startAnsweringSnmpd(dir: string, port: number): Promise<TestSnmpd> {
  const snmpd = await startSnmpd(dir, port);
  try {
    for (const table of ['1.3.6.1.2.1.47.1.1.1', '1.3.6.1.4.1.6889.2.2.1.1.1']) {
      await run('snmpwalk', ['-m', '', '-v', '2c', '-c', 'pollsecret', '-t', '30', '-r', '0', `127.0.0.1:${port}`, table], { timeout: 60_000 });
    }
  } catch (error) {
    await snmpd.stop();
    throw error;
  }
  return snmpd;
}

test('polls a real snmpd over v2c and v3: inventory, QoS attribution, unreachable after missed polls and recovery', async (t) => {
  const dir = makeTempDir();
  let snmpd: TestSnmpd | null = null;
  let stopCollector: (() => Promise<void>) | null = null;
  t.after(async () => {
    await stopCollector?.();
    await snmpd?.stop();
    dir.remove();
  });
  const port = await freeUdpPort();
  snmpd = await startAnsweringSnmpd(dir.path, port);

  const poll = { port, intervalSeconds: 1, missedPollsForUnreachable: 2 };
  const fake = createFakeContext({
    fleet: fleetWith([
      { id: 'hq', name: 'HQ', role: 'ip500v2', addresses: ['127.0.0.1'], snmp: { poll: { ...poll, version: 'v2c', community: 'pollsecret' } } },
      { id: 'branch', name: 'Branch', role: 'ip500v2', addresses: ['192.0.2.99'], snmp: { poll: { ...poll, address: '127.0.0.1', version: 'v3', user: 'pollv3' } } },
    ]),
  });
  const config = snmpConfigSchema.parse({
    enabled: true,
    traps: { listenAddress: '127.0.0.1', port: 0 },
    users: [{ name: 'pollv3', authProtocol: 'sha', authKey: 'authpass123', privProtocol: 'aes', privKey: 'privpass123' }],
    // Generous enough that a busy CI machine does not miss a poll while snmpd answers; short enough to see outages.
    polling: { timeoutMs: 1000, retries: 1 },
  });
  const collector = createSnmpCollector(config, fake.ctx);
  stopCollector = () => collector.stop();
  await collector.start();

  for (const nodeId of ['hq', 'branch']) {
    const inventory = await eventually(() => {
      const found = collector.inventory(nodeId);
      assert.equal(found?.phones.length, 2, `${nodeId} inventory: ${JSON.stringify(found)}`);
      return found!;
    }, { timeoutMs: 30_000 });
    assert.match(inventory.sysDescr ?? '', /Linux/);
    assert.ok((inventory.sysUpTime ?? -1) >= 0);
    assert.deepEqual(inventory.walkErrors, []);
    assert.deepEqual(inventory.entities.map((e) => [e.index, e.class, e.path]), [
      [1, 'chassis', 'Controller'],
      [2, 'container', 'Controller, Trunk Slot B'],
      [3, 'module', 'Controller, Trunk Slot B, Trunk Module'],
      [4, 'port', 'Controller, Trunk Slot B, Trunk Module, T1 PRI 2'],
      [5, 'container', 'Controller, Slot 2'],
      [6, 'module', 'Controller, Slot 2, VCM64'],
    ]);
    assert.deepEqual(inventory.phones.map((p) => [p.extension, p.userLong, p.type, p.ipAddress]), [
      ['201', 'Alice Smith', 'a9611ip', '192.0.2.51'],
      ['202', 'Bob Jones', 'sipPhone', '192.0.2.52'],
    ]);
  }

  // A QoS trap for extension 201 is attributed to the phone the poll found.
  const B = '1.3.6.1.4.1.6889.2.2.1.2.1';
  await run('snmptrap', ['-m', '', '-v', '2c', '-c', 'public', `127.0.0.1:${collector.endpoints()[0]!.port}`, '', '1.3.6.1.4.1.6889.2.2.1.2.0.36', `${B}.9`, 'i', '6', `${B}.13`, 'u', '45', `${B}.17`, 'i', '2', `${B}.19`, 'u', '201'], { timeout: 10_000 });
  const qos = await eventually(() => {
    const found = fake.events.find((e) => e.code === 'snmp.ipo.qos');
    assert.ok(found);
    return found;
  });
  assert.deepEqual([qos.nodeId, qos.attributes['phoneUser'], qos.attributes['phoneType'], qos.attributes['phoneIpAddress']], ['hq', 'Alice Smith', 'a9611ip', '192.0.2.51']);
  assert.equal(fake.events.filter((e) => e.source === 'poll').length, 0, 'no poll events while the agent answers');

  await snmpd.stop();
  await eventually(() => {
    const down = fake.events.filter((e) => e.code === 'poll.node-unreachable');
    assert.deepEqual(down.map((e) => [e.nodeId, e.severity, e.raisesAlarm]).sort(), [['branch', 'major', true], ['hq', 'major', true]]);
  }, { timeoutMs: 20_000, message: 'both nodes should be unreachable after 2 missed polls' });
  assert.ok(collector.inventory('hq'), 'the last inventory is kept while the node is down');

  snmpd = await startAnsweringSnmpd(dir.path, port);
  await eventually(() => {
    const cleared = fake.events.filter((e) => e.code === 'poll.node-unreachable' && e.severity === 'cleared');
    assert.deepEqual(cleared.map((e) => e.nodeId).sort(), ['branch', 'hq']);
  }, { timeoutMs: 20_000, message: 'both nodes should recover' });
  for (const event of fake.events.filter((e) => e.source === 'poll')) assert.equal(event.collector, 'snmp');
});
