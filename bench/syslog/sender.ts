// Child process: sends numbered syslog datagrams at a steady rate, then prints what it sent as JSON.
//   node --import tsx bench/syslog/sender.ts PORT RATE SECONDS FIRST_SEQ
// Each message carries "msgnum:NNNNNNNN:" (rsyslog's testbench convention) so receivers can be sequence-checked.
import { createSocket } from 'node:dgram';
import { benchMessage } from './bench-message.js';

const [port, rate, seconds, first] = process.argv.slice(2).map(Number) as [number, number, number, number];
const total = Math.round(rate * seconds);
// Never more than 1 ms worth of messages at once, so a late tick does not become a burst.
const burst = Math.max(1, Math.ceil(rate / 1000));

const socket = createSocket('udp4');
socket.connect(port, '127.0.0.1', () => {
  const started = process.hrtime.bigint();
  let sent = 0;
  let errors = 0;
  const tick = () => {
    const due = Math.min(total, Math.floor((Number(process.hrtime.bigint() - started) / 1e9) * rate));
    for (let n = 0; sent < due && n < burst; n++, sent++) socket.send(benchMessage(first + sent), (error) => void (error && errors++));
    if (sent < total) return setImmediate(tick);
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    socket.close(() => process.stdout.write(JSON.stringify({ sent, errors, seconds: elapsed }) + '\n'));
  };
  tick();
});
