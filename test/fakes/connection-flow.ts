import type { ConnectionFlow } from '../../collectors/syslog/stream-listener.js';

export interface FakeFlow extends ConnectionFlow {
  /** Whether the connection is paused now, and how often it was paused. */
  readonly paused: boolean;
  readonly pauses: number;
}

/** A stream connection's pause/resume, recorded instead of done on a socket. */
export function createFakeFlow(): FakeFlow {
  const state = { paused: false, pauses: 0 };
  return {
    pause: () => {
      state.paused = true;
      state.pauses++;
    },
    resume: () => void (state.paused = false),
    get paused() {
      return state.paused;
    },
    get pauses() {
      return state.pauses;
    },
  };
}
