/**
 * A header line names what the table does not: `# node: acme-hq-primary` or
 * `# list: Service`. Only node and list are known; other `#` lines are comments.
 */
export function readHeaderLine(line: string): { key: 'node' | 'list'; value: string } | 'comment' | null {
  const trimmed = line.trim();
  if (!trimmed.startsWith('#')) return null;
  const match = /^#\s*(node|list)\s*[:=]\s*(.*?)[\s,;]*$/i.exec(trimmed);
  if (!match) return 'comment';
  return { key: (match[1] ?? '').toLowerCase() as 'node' | 'list', value: match[2] ?? '' };
}
