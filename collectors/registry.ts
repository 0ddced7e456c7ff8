import { rtcpCollector } from './rtcp/index.js';
import { snmpCollector } from './snmp/index.js';
import { ssaCollector } from './ssa/index.js';
import { syslogCollector } from './syslog/index.js';

/** Every collector the product has. main.ts starts the enabled ones in this order. */
export const collectorFactories = [syslogCollector, snmpCollector, ssaCollector, rtcpCollector] as const;
