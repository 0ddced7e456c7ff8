/**
 * Event categories. The first nine are IP Office's documented email event
 * categories (003:1452-1471), spelled as the seed prints them; the last three
 * are ours, for what none of the nine fits.
 */
export const IPO_EMAIL_CATEGORIES = [
  'Generic',
  'Trunk lines',
  'Embedded Voicemail Card',
  'VCM',
  'Expansion modules',
  'Applications',
  'License',
  'Phone change',
  'CSU Loop-Back',
] as const;

export const EXTRA_CATEGORIES = ['QoS', 'Security', 'Resiliency'] as const;

export const EVENT_CATEGORIES = [...IPO_EMAIL_CATEGORIES, ...EXTRA_CATEGORIES] as const;

export type EventCategory = (typeof EVENT_CATEGORIES)[number];
