/** Plausible names for generated customers and sites; numbered when the list runs out. */
const CUSTOMER_NAMES = [
  'Acme Dental', 'Borealis Logistics', 'Cobalt Insurance', 'Delta Veterinary', 'Evergreen Schools', 'Fjord Shipping',
  'Granite Legal', 'Harbour Hotels', 'Iris Opticians', 'Juniper Clinics', 'Kestrel Motors', 'Lumen Accountants',
  'Maple Housing', 'Nimbus Travel', 'Orchid Florists', 'Pinnacle Estates', 'Quartz Labs', 'Riverside Council',
];
const SITE_NAMES = ['Head office', 'North branch', 'South branch', 'Warehouse', 'East branch', 'West branch', 'Depot', 'Call centre'];
export const TIME_ZONES = ['Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Toronto', 'Asia/Singapore', 'Australia/Sydney'];
const FIRST_NAMES = ['Anna', 'Ben', 'Chloe', 'Dev', 'Elif', 'Femi', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kai', 'Lena', 'Mo', 'Nia', 'Omar', 'Pia'];

export function customerName(index: number): string {
  const base = CUSTOMER_NAMES[index % CUSTOMER_NAMES.length]!;
  return index < CUSTOMER_NAMES.length ? base : `${base} ${Math.floor(index / CUSTOMER_NAMES.length) + 1}`;
}

export function siteName(index: number): string {
  const base = SITE_NAMES[index % SITE_NAMES.length]!;
  return index < SITE_NAMES.length ? base : `${base} ${Math.floor(index / SITE_NAMES.length) + 1}`;
}

export function userName(index: number): string {
  return `${FIRST_NAMES[index % FIRST_NAMES.length]} ${String.fromCharCode(65 + (Math.floor(index / FIRST_NAMES.length) % 26))}.`;
}
