import { escapeHtml } from '../../src/web/html.js';

// Alarm texts come from devices and syslog senders: everything put into HTML is escaped, as on the web UI's pages.
export { escapeHtml };

/** Only http(s) links become anchors; anything else is shown as text. */
export function link(url: string, label = url): string {
  return /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>` : escapeHtml(label);
}

/** One header line, no line breaks (a CR/LF in a device text must not start a new header). */
export function oneLine(value: string, max = 200): string {
  const flat = value.replace(/[\r\n\t]+/g, ' ').replace(/\s{2,}/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** A small, inline-styled page: mail clients ignore <style> blocks and external CSS. */
export function page(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8"><title>' + escapeHtml(title) + '</title></head>',
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">',
    body,
    '<p style="color:#777;font-size:12px">Sent by ipo-observer. Reply-to is not monitored.</p>',
    '</body></html>',
    '',
  ].join('\n');
}

export const SEVERITY_COLOURS: Record<string, string> = {
  critical: '#b00020',
  major: '#d35400',
  minor: '#b7950b',
  warning: '#2874a6',
  indeterminate: '#616a6b',
  cleared: '#1e8449',
};
