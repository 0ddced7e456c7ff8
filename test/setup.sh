#!/usr/bin/env bash
# Installs the real peers the tests talk to, when they are missing:
#   logger (util-linux, package bsdutils)  sends RFC 3164 syslog
#   chromium                               drives the web page
#   rsyslogd (rsyslog, rsyslog-gnutls)     forwards syslog over TLS with octet counting
#   openssl                                makes the test certificates for TLS
#   snmptrap, snmpinform (snmp)            send SNMP traps and informs
#   snmpd, snmptrapd (snmpd, snmptrapd)    answer SNMP polls; the reference trap receiver in bench/snmp
# Runs before `npm test`. Needs root (apt-get) only when something is missing.
set -euo pipefail

need=()
command -v logger >/dev/null 2>&1 || need+=(bsdutils)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/sbin/rsyslogd ] || need+=(rsyslog)
# rsyslog's TLS driver is its own package; its module file says whether it is there.
compgen -G '/usr/lib/*/rsyslog/lmnsd_gtls.so' >/dev/null || need+=(rsyslog-gnutls)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
[ -x /usr/bin/snmptrap ] || need+=(snmp)
[ -x /usr/sbin/snmpd ] || need+=(snmpd)
[ -x /usr/sbin/snmptrapd ] || need+=(snmptrapd)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "test setup: missing ${need[*]}; install them with: sudo apt-get install -y --no-install-recommends ${need[*]}" >&2
  exit 1
fi

echo "test setup: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
