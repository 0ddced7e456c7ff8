import type { Command } from 'commander';
import { hashPassword } from './password-hash.js';
import { newToken } from './token-hash.js';

const MAX_PASSWORD_BYTES = 1024;

/** Typed at a terminal: raw mode, so the characters are not echoed. Enter ends it, Ctrl-C aborts. */
function readHiddenLine(): Promise<string> {
  return new Promise((resolve, reject) => {
    let typed = '';
    const stdin = process.stdin;
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new Error('aborted'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else if (typed.length < MAX_PASSWORD_BYTES) typed += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** Reads a password from stdin (piped or typed), first line only; never from argv, where `ps` and shell history see it. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) return readHiddenLine();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = chunk as Buffer;
    chunks.push(buffer);
    size += buffer.length;
    if (size > MAX_PASSWORD_BYTES || buffer.includes(0x0a)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** `hash-password` and `new-token`: what to paste into server.auth.users and server.auth.tokens. */
export function registerAuthCommands(program: Command): void {
  program
    .command('hash-password')
    .description('read a password from stdin and print the hash for server.auth.users[].passwordHash')
    .action(async () => {
      if (process.stdin.isTTY) process.stderr.write('password (not shown; then Enter): ');
      const password = await readPassword();
      if (password.length < 8) {
        process.stderr.write('refused: the password is shorter than 8 characters\n');
        process.exitCode = 2;
        return;
      }
      process.stdout.write(`${await hashPassword(password)}\n`);
    });

  program
    .command('new-token')
    .description('print a new random API token (give it to the client) and its sha256 (put it in server.auth.tokens)')
    .action(() => {
      const { token, sha256 } = newToken();
      process.stdout.write(`token:  ${token}\nsha256: ${sha256}\n`);
    });
}
