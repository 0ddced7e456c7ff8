/** Phones register with their backup no sooner than 3 minutes after losing home (003:659-662); one-X Portal's example detection time is 3 minutes too (001:1541-1546). */
export const FAILOVER_MS = 3 * 60_000;
/** Idle phones go home once it has been up more than 10 minutes (003:647-648). */
export const FAILBACK_MS = 10 * 60_000;
/** Losses counted for flapping, and how long a line or a short outage must stay up before its incident closes. */
export const FLAP_WINDOW_MS = 5 * 60_000;
/** Losses within the flap window that make a node or line "flapping". */
export const FLAP_LOSSES = 3;
