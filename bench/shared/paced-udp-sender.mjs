// Sends datagrams to 127.0.0.1:<port> at a paced rate: one hex datagram per line of FILE, cycled.
//   node paced-udp-sender.mjs <port> <count> <ratePerSecond|0 for unpaced> <FILE> [<digitsOffset> <digits>]
// With digitsOffset, the sequence number (1..count) is written as zero-padded ASCII digits at that offset,
// so every datagram keeps its length and structure (numbered traps for a sequence check).
// Prints {"sent":n,"ms":t} and exits.
import { createSocket } from 'node:dgram';
import { readFileSync } from 'node:fs';

const [port, count, rate, file, offset, digits] = process.argv.slice(2);
const datagrams = readFileSync(file, 'utf8').trim().split('\n').map((line) => Buffer.from(line, 'hex'));
const total = Number(count);
const perMs = Number(rate) / 1000;
const socket = createSocket({ type: 'udp4', sendBufferSize: 4 * 1024 * 1024 });
await new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve));
const start = performance.now();
let sent = 0;
let inFlight = 0;
await new Promise((resolve) => {
  const tick = () => {
    const due = perMs > 0 ? Math.min(total, Math.floor((performance.now() - start) * perMs) + 1) : total;
    while (sent < due && inFlight < 256) {
      let datagram = datagrams[sent % datagrams.length];
      if (offset !== undefined) {
        datagram = Buffer.from(datagram);
        datagram.write(String(sent + 1).padStart(Number(digits), '0'), Number(offset), 'latin1');
      }
      sent++;
      inFlight++;
      socket.send(datagram, Number(port), '127.0.0.1', () => {
        inFlight--;
        if (sent === total && inFlight === 0) resolve();
      });
    }
    if (sent < total) (perMs > 0 && sent >= due ? setTimeout(tick, 1) : setImmediate(tick));
  };
  tick();
});
process.stdout.write(JSON.stringify({ sent, ms: performance.now() - start }) + '\n');
socket.close();
