/**
 * A message's template: the text with what varies between occurrences of
 * "the same" message replaced, so unmatched events can be counted by kind
 * (LibreNMS and Drain-style log clustering do the same, more elaborately).
 */
const REPLACEMENTS: Array<[RegExp, string | ((token: string) => string)]> = [
  [/\b(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}\b/gi, '<mac>'],
  // IPv6 needs "::" or a hex letter, so clock times like 04:19:13 stay times (and become <n>:<n>:<n>).
  [/(?<![\w:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/gi, (token) => (token.includes('::') || /[a-f]/i.test(token) ? '<ip6>' : token)],
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<ip>'],
  [/\b0x[0-9a-f]+\b/gi, '<hex>'],
  [/\b[0-9a-f]{12,}\b/gi, '<hex>'],
  [/"[^"]*"/g, '"<str>"'],
  [/(?<!<[a-z]*)\d+(?:\.\d+)?/g, '<n>'], // not inside a placeholder such as <ip6>
];

const MAX_TEMPLATE_LENGTH = 300;

export function messageTemplate(text: string): string {
  let template = text.trim().replace(/\s+/g, ' ');
  for (const [pattern, replacement] of REPLACEMENTS) template = template.replace(pattern, replacement as string);
  return template.slice(0, MAX_TEMPLATE_LENGTH);
}

/** The cluster an unmatched event counts in: same source, same code, same template. */
export function unmatchedClusterKey(source: string, code: string, template: string): string {
  return `${source}|${code}|${template}`;
}
