import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** 1-based, as editors count. */
export interface Position {
  line: number;
  column: number;
}

/**
 * Where a key path sits in the YAML source. With anchor "key", the key of the
 * last segment (for an unknown key); with "value", the value, or its key when
 * the value is left empty. A path that leaves the document (a missing key)
 * points at the deepest mapping or list that exists: the parent of what is missing.
 * A path through an alias (`*name`) points at the alias.
 */
export function locateInYaml(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[], anchor: 'key' | 'value'): Position {
  let node: unknown = doc.contents;
  let key: Node | null = null;
  let deepest: Node | null = isNodeWithRange(node) ? node : null;
  for (const segment of path) {
    // Inside an alias the source is the anchor's, shared by every use: point at this use instead.
    if (isAlias(node)) break;
    const next = child(node, segment);
    if (!next) break;
    key = next.key;
    node = next.value;
    if (isNodeWithRange(node) && !isEmptyScalar(node)) deepest = node;
    else deepest = key ?? deepest;
    if (next.value === null || next.value === undefined) break;
  }
  const target = anchor === 'key' && key ? key : deepest;
  const offset = target?.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function child(node: unknown, segment: PropertyKey): { key: Node | null; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === String(segment));
    return pair ? { key: isNodeWithRange(pair.key) ? pair.key : null, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    return segment < node.items.length ? { key: null, value: node.items[segment] } : undefined;
  }
  return undefined;
}

function isNodeWithRange(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value && Array.isArray((value as Node).range);
}

/** `port:` with nothing after it: a null scalar with no source text, best shown at its key. */
function isEmptyScalar(node: Node): boolean {
  return isScalar(node) && node.value === null && node.source === '';
}
