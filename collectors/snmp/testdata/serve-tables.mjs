// snmpd pass_persist helper for the polling tests: serves a small ENTITY-MIB
// entPhysicalTable and IPO-PHONES-MIB ipoPhonesTable under the subtree given
// as argv[2]. Protocol: snmpd writes PING / get OID / getnext OID / set …;
// we answer PONG, "OID\nTYPE\nVALUE" or NONE.
import { createInterface } from 'node:readline';

const ENT = '1.3.6.1.2.1.47.1.1.1.1';
const PH = '1.3.6.1.4.1.6889.2.2.1.1.1.1.1.2.1';
const rows = [];
const entity = (index, name, cls, parent, descr, model) => {
  rows.push([`${ENT}.2.${index}`, 'string', descr], [`${ENT}.4.${index}`, 'integer', parent], [`${ENT}.5.${index}`, 'integer', cls], [`${ENT}.7.${index}`, 'string', name]);
  if (model) rows.push([`${ENT}.13.${index}`, 'string', model]);
};
entity(1, 'Controller', 3, 0, 'IP500 V2 control unit', 'IP500 V2');
entity(2, 'Trunk Slot B', 5, 1, 'Base card slot B', null);
entity(3, 'Trunk Module', 9, 2, 'Universal PRI', 'PRI-U');
entity(4, 'T1 PRI 2', 10, 3, 'T1 PRI port 2', null);
entity(5, 'Slot 2', 5, 1, 'Base card slot 2', null);
entity(6, 'VCM64', 9, 5, 'Voice compression module', 'VCM64');
const phone = (index, extId, ext, short, long, type, port, ip) => {
  rows.push([`${PH}.1.${index}`, 'integer', index], [`${PH}.2.${index}`, 'integer', extId], [`${PH}.3.${index}`, 'integer', ext], [`${PH}.4.${index}`, 'string', short], [`${PH}.5.${index}`, 'string', long], [`${PH}.6.${index}`, 'integer', type], [`${PH}.7.${index}`, 'gauge', port], [`${PH}.10.${index}`, 'ipaddress', ip]);
};
phone(1, 16, 201, 'Alice', 'Alice Smith', 111, 3, '192.0.2.51');
phone(2, 17, 202, 'Bob', 'Bob Jones', 43, 4, '192.0.2.52');

const base = (process.argv[2] ?? '').replace(/^\./, '');
const key = (oid) => oid.split('.').map(Number);
const compare = (a, b) => {
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
};
const served = rows.filter(([oid]) => oid === base || oid.startsWith(`${base}.`)).sort((a, b) => compare(a[0], b[0]));

const lines = createInterface({ input: process.stdin });
const queue = [];
let waiting = null;
lines.on('line', (line) => (waiting ? (waiting(line), (waiting = null)) : queue.push(line)));
lines.on('close', () => process.exit(0));
const next = () => new Promise((resolve) => (queue.length ? resolve(queue.shift()) : (waiting = resolve)));
const answer = (row) => process.stdout.write(row ? `.${row[0]}\n${row[1]}\n${row[2]}\n` : 'NONE\n');

for (;;) {
  const command = (await next()).trim();
  if (command === 'PING') process.stdout.write('PONG\n');
  else if (command === 'get') {
    const oid = (await next()).trim().replace(/^\./, '');
    answer(served.find(([o]) => o === oid));
  } else if (command === 'getnext') {
    const oid = (await next()).trim().replace(/^\./, '');
    answer(served.find(([o]) => compare(o, oid) > 0));
  } else if (command === 'set') {
    await next();
    await next();
    process.stdout.write('not-writable\n');
  }
}
