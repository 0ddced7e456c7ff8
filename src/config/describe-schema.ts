import { z } from 'zod';
import { unwrap } from './schema-at.js';

/** The noun phrase for what a schema accepts: "a string", "one of "a", "b"", "a list of mappings". */
export function describeSchema(schema: z.ZodType): string {
  const expected = schema.meta()?.['expected'];
  if (typeof expected === 'string') return expected;
  const inner = unwrap(schema);
  if (inner !== schema) return describeSchema(inner);
  if (schema instanceof z.ZodIPv4) return 'an IPv4 address';
  if (schema instanceof z.ZodIPv6) return 'an IPv6 address';
  if (schema instanceof z.ZodString) return 'a string';
  if (schema instanceof z.ZodNumber) return 'a number';
  if (schema instanceof z.ZodBoolean) return 'true or false';
  if (schema instanceof z.ZodEnum) return oneOf(schema.options);
  if (schema instanceof z.ZodLiteral) return oneOf([...schema.values]);
  if (schema instanceof z.ZodObject) return 'a mapping';
  if (schema instanceof z.ZodArray) return describeList(schema.element as z.ZodType);
  if (schema instanceof z.ZodUnion) return describeUnion(schema.options as readonly z.ZodType[]);
  return 'a valid value';
}

/** `one of "a", "b"`, or just `"a"` when there is one choice. */
export function oneOf(values: readonly unknown[]): string {
  const quoted = values.map((value) => JSON.stringify(value));
  return quoted.length === 1 ? quoted[0]! : `one of ${quoted.join(', ')}`;
}

function describeUnion(options: readonly z.ZodType[]): string {
  const phrases = [...new Set(options.map(describeSchema))];
  // "an IPv4 address or an IPv6 address" reads better folded.
  if (phrases.length === 2 && phrases.includes('an IPv4 address') && phrases.includes('an IPv6 address')) return 'an IPv4 or IPv6 address';
  return phrases.join(' or ');
}

function describeList(element: z.ZodType): string {
  const item = describeSchema(element);
  const plural = PLURALS[item];
  return plural ? `a list of ${plural}` : 'a list';
}

const PLURALS: Record<string, string> = {
  'a string': 'strings',
  'a number': 'numbers',
  'a mapping': 'mappings',
  'an IPv4 or IPv6 address': 'IPv4 or IPv6 addresses',
};
