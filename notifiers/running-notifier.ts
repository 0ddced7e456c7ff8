/** What main.ts holds of each notifier. */
export interface RunningNotifier {
  /** The notifier's name: "email"; the `notifier` column and metric label. */
  readonly name: string;
  /** Where messages go, for the log and health. */
  readonly description: string;
  /** Restores nothing (the factory did) and starts the timer; the first step runs at once. */
  start(): void;
  /** One step now: claim, group, flush, send what is due. Tests drive it with a fake clock. */
  tick(): Promise<void>;
  /** A step soon, not at the next tick: called when the pipeline stored outbox rows that are pending. */
  wake(): void;
  /** Stops the timer and waits for the send in flight; what is not sent stays stored for the next start. */
  stop(): Promise<void>;
}
