import type { Clock } from '../clock.js';
import { CodedError } from '../errors.js';
import type { Store } from '../storage/store.js';
import type { Silence, SilenceKind, SilenceMatchers } from './silence.js';

/**
 * Silences live in the store; the engine reads them on every alarm change, so
 * they are cached in memory and the cache is replaced whenever one is created
 * or cancelled through here.
 */
export class SilenceCache {
  private current: readonly Silence[] = [];

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {
    this.refresh();
  }

  list(): readonly Silence[] {
    return this.current;
  }

  create(input: { kind: SilenceKind; matchers: SilenceMatchers; startsAt: number; endsAt: number; createdBy: string; comment: string }): Silence {
    if (input.endsAt <= input.startsAt) throw new CodedError('IPO_ERR_BAD_REQUEST', 'endsAt must be after startsAt');
    const silence = this.store.insertSilence({ ...input, createdAt: this.clock.now(), cancelledAt: null, cancelledBy: null });
    this.refresh();
    return silence;
  }

  cancel(id: number, by: string): Silence {
    const silence = this.store.cancelSilence(id, by, this.clock.now());
    if (!silence) throw new CodedError('IPO_ERR_NOT_FOUND', `silence ${id} does not exist or is already cancelled`);
    this.refresh();
    return silence;
  }

  /** Keeps silences that have not ended yet (ended ones no longer matter to the engine). */
  refresh(): void {
    this.current = this.store.listSilences({ endedAfter: this.clock.now() });
  }
}
