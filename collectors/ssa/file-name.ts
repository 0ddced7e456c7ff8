import { normaliseListName } from './alarm-lists.js';
import type { Named } from './snapshot.js';

/**
 * What a drop-folder file name says: `<node>__<list>[__<anything>].<ext>`,
 * e.g. `acme-hq-primary__service__2026-01-21T1000.tsv`. Without a "__" the
 * name says nothing (the file names its node in a "# node:" line instead);
 * the second part counts only when it is a list name.
 */
export function namesFromFileName(fileName: string): { node: Named[]; list: Named[] } {
  const stem = fileName.replace(/\.[^.]*$/, '');
  if (!stem.includes('__')) return { node: [], list: [] };
  const [node = '', list = ''] = stem.split('__');
  const where = `file name ${fileName}`;
  return {
    node: node ? [{ value: node, where, line: null }] : [],
    list: list && normaliseListName(list) ? [{ value: list, where, line: null }] : [],
  };
}
