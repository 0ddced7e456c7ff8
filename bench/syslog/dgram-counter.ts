// Child process: the local limit. A bare node:dgram socket that only counts datagrams.
//   node --import tsx bench/syslog/dgram-counter.ts RECEIVE_BUFFER_BYTES
// Prints {"port","receiveBufferBytes"} once bound, then {"count"} for every line read on stdin.
import { createSocket } from 'node:dgram';
import { createInterface } from 'node:readline';

const receiveBufferBytes = Number(process.argv[2] ?? 0);
let count = 0;
const socket = createSocket('udp4');
socket.on('message', () => void count++);
socket.bind(0, '127.0.0.1', () => {
  if (receiveBufferBytes > 0) socket.setRecvBufferSize(receiveBufferBytes);
  process.stdout.write(JSON.stringify({ port: socket.address().port, receiveBufferBytes: socket.getRecvBufferSize() }) + '\n');
});
createInterface({ input: process.stdin }).on('line', () => process.stdout.write(JSON.stringify({ count }) + '\n'));
process.stdin.on('end', () => socket.close());
