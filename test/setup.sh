#!/usr/bin/env bash
# Installs the real peers the tests talk to, when they are missing:
#   logger (util-linux, package bsdutils)  sends RFC 3164 syslog
#   chromium                               drives the web page
#   rsyslogd (rsyslog, rsyslog-gnutls)     forwards syslog over TLS with octet counting
#   openssl                                makes the test certificates for TLS
#   snmptrap, snmpinform (snmp)            send SNMP traps and informs
#   snmpd, snmptrapd (snmpd, snmptrapd)    answer SNMP polls; the reference trap receiver in bench/snmp
#   influxd (influxdb)                     the real InfluxDB 1.x the sink and the dashboards' queries are tested against
#   gst-launch-1.0 (gstreamer1.0-tools, -plugins-base, -plugins-good, -plugins-bad)
#                                          real RTP/RTCP: rtpbin sender and receiver, netsim loss and jitter (collectors/rtcp)
#   ffmpeg                                 real RTP with lone SRs (collectors/rtcp)
#   tshark, text2pcap (tshark, wireshark-common)  Wireshark's RTCP decoder, the parser's reference (collectors/rtcp)
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
# The tests run their own influxd with a private config (127.0.0.1, a temporary folder); the package's service is not used.
[ -x /usr/bin/influxd ] || need+=(influxdb)
command -v gst-launch-1.0 >/dev/null 2>&1 || need+=(gstreamer1.0-tools)
# GStreamer elements come in plugin packages; a plugin's library file says whether its package is there.
compgen -G '/usr/lib/*/gstreamer-1.0/libgstaudiotestsrc.so' >/dev/null || need+=(gstreamer1.0-plugins-base)
compgen -G '/usr/lib/*/gstreamer-1.0/libgstrtpmanager.so' >/dev/null || need+=(gstreamer1.0-plugins-good)
compgen -G '/usr/lib/*/gstreamer-1.0/libgstnetsim.so' >/dev/null || need+=(gstreamer1.0-plugins-bad)
command -v ffmpeg >/dev/null 2>&1 || need+=(ffmpeg)
# tshark asks a debconf question (capture rights); DEBIAN_FRONTEND=noninteractive below answers the default.
command -v tshark >/dev/null 2>&1 || need+=(tshark)
command -v text2pcap >/dev/null 2>&1 || need+=(wireshark-common)

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
# The package may start its own service on :8086 (every interface); the tests do not need it.
if [[ " ${need[*]} " == *" influxdb "* ]]; then
  invoke-rc.d influxdb stop >/dev/null 2>&1 || true
fi
