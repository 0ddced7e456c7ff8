/** Where an event came from. One spelling everywhere: config, API, metrics. */
export const EVENT_SOURCES = ['snmp', 'syslog', 'ssa', 'rtcp', 'poll', 'internal'] as const;

export type EventSource = (typeof EVENT_SOURCES)[number];
