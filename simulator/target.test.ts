import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configSchema } from '../src/config/schema.js';
import { checkFleetMatches, targetFromConfig } from './config-target.js';
import { generateFleet, DEFAULT_SIZES } from './fleet/generate.js';
import { simStackConfig } from './stack-config.js';
import { DEFAULT_TARGET, parsePorts } from './target.js';

test('--ports sets, and turns off, the ports of each input; anything else is refused by name', () => {
  const target = parsePorts('syslog=15514, snmp=off,rtcp=15005,http=18080,syslog-tcp=6514', DEFAULT_TARGET);
  assert.deepEqual([target.syslogUdpPort, target.snmpPort, target.rtcpPort, target.httpUrl, target.syslogTcpPort], [15514, null, 15005, 'http://127.0.0.1:18080', 6514]);
  assert.throws(() => parsePorts('smtp=25', DEFAULT_TARGET), /smtp=25/);
  assert.throws(() => parsePorts('snmp=70000', DEFAULT_TARGET), /snmp=70000/);
});

test('simulate --config aims at the configured listeners and token, and refuses a configuration without the simulated fleet', () => {
  const fleet = generateFleet(1, DEFAULT_SIZES);
  const config = configSchema.parse(simStackConfig(fleet, { dataDir: '/tmp/x', httpPort: 18080, ports: { syslog: 15514, syslogTcp: 15515, snmp: 11162, rtcp: 15005 }, ssaToken: 'simulator-token-0123456789' }));
  assert.deepEqual(targetFromConfig(config), {
    host: '127.0.0.1', syslogUdpPort: 15514, syslogTcpPort: 15515, syslogTlsPort: null, tlsCaFile: null, snmpPort: 11162, rtcpPort: 15005, httpUrl: 'http://127.0.0.1:18080', ssaToken: 'simulator-token-0123456789', community: 'public', v3User: null,
  });
  checkFleetMatches(config, fleet);
  const bigger = generateFleet(1, { ...DEFAULT_SIZES, ip500v2Systems: DEFAULT_SIZES.ip500v2Systems + 1 });
  assert.throws(() => checkFleetMatches(config, bigger), { code: 'IPO_ERR_BAD_REQUEST', message: /lacks 1 of the 8 simulated systems/ });
});

test('simulate --config also takes the v3 user (authPriv) and the TLS listener, trusting its certificate', () => {
  const fleet = generateFleet(1, DEFAULT_SIZES);
  const v3User = { name: 'ipo-sim', authProtocol: 'sha', authKey: 'auth-key-0123', privProtocol: 'aes', privKey: 'priv-key-4567' } as const;
  const syslogTls = { port: 16514, certFile: '/etc/ipo/server.pem', keyFile: '/etc/ipo/server.key' };
  const config = configSchema.parse(simStackConfig(fleet, { dataDir: '/tmp/x', httpPort: 18080, ports: { syslog: 15514, syslogTcp: 15515, snmp: 11162, rtcp: 15005 }, ssaToken: 'simulator-token-0123456789', v3User, syslogTls }));
  const target = targetFromConfig(config);
  assert.deepEqual(target.v3User, v3User);
  assert.deepEqual([target.syslogTlsPort, target.tlsCaFile], [16514, '/etc/ipo/server.pem']);
  assert.equal(parsePorts('syslog-tls=6515', target).syslogTlsPort, 6515);
});
