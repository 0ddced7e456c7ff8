import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

export interface StartedTool {
  child: ChildProcess;
  /** The last 4,000 characters the tool wrote to stderr, for failure messages and start-up checks. */
  stderr: () => string;
  stop(): Promise<void>;
}

/** Starts an external tool (stdout ignored); `stop()` (register it with t.after first) kills it, SIGKILL after 2 s. */
export function startTool(command: string, args: string[], options: { env?: NodeJS.ProcessEnv } = {}): StartedTool {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...(options.env && { env: options.env }) });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return {
    child,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}
