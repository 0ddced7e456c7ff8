import { z } from 'zod';
import { describeSchema, oneOf } from './describe-schema.js';
import { describeValue } from './describe-value.js';
import { formatKeyPath, valueAt } from './key-path.js';
import { allowedKeys, schemaAt } from './schema-at.js';

/** One line of a config error, before it gets its file:line:column. */
export interface Problem {
  path: PropertyKey[];
  /** Where to point: at the key itself (unknown keys) or at the value (or, when missing, its parent). */
  anchor: 'key' | 'value';
  text: string;
}

/**
 * Turns a zod issue into sentences of the form `<key.path>: expected …; got …`.
 * The schema supplies what was expected (ranges, enum values, allowed keys) and
 * the parsed YAML what was found, so the wording does not depend on zod's.
 */
export function formatIssue(issue: z.core.$ZodIssue, root: z.ZodType, data: unknown): Problem[] {
  const path = issue.path.map((segment) => segment as PropertyKey);
  const branch = issue.code === 'invalid_union' ? acceptedBranch(issue) : undefined;
  if (branch) return branch.flatMap((inner) => formatIssue({ ...inner, path: [...issue.path, ...inner.path] }, root, data));
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(schemaAt(root, path)).join(', ');
    return issue.keys.map((key) => {
      const keyPath = [...path, key];
      return { path: keyPath, anchor: 'key', text: `${formatKeyPath(keyPath)}: unknown key (allowed: ${allowed})` };
    });
  }

  const found = valueAt(data, path);
  const schema = schemaAt(root, path);
  const label = formatKeyPath(path);
  // A secret (community string, key, password) is never echoed back, even when it is wrong.
  const shown = schema?.meta()?.['secret'] === true ? 'a value that is not shown (secret)' : describeValue(found.value);
  if (issue.code === 'custom') {
    const got = issue.message.startsWith('expected ') ? `; got ${shown}` : '';
    return [{ path, anchor: 'value', text: `${label}: ${issue.message}${got}` }];
  }
  const expected = expectation(issue, schema, path, root, found.value);
  const text = found.present
    ? `${label}: expected ${expected}; got ${shown}`
    : `${label}: required key is missing; expected ${schema ? describeSchema(schema) : expected}`;
  return [{ path, anchor: 'value', text }];
}

function expectation(issue: z.core.$ZodIssue, schema: z.ZodType | undefined, path: PropertyKey[], root: z.ZodType, found: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (path.length === 0) return `a mapping of sections (${allowedKeys(schemaAt(root, [])).join(', ')})`;
      // A number that is not an integer (or not finite) is still a number: say which numbers.
      if (schema instanceof z.ZodNumber && typeof found === 'number') return numberRange(schema) ?? 'a finite number';
      return schema ? describeSchema(schema) : `a ${issue.expected}`;
    case 'invalid_union':
      return schema ? describeSchema(schema) : 'a valid value';
    case 'invalid_value':
      return oneOf(issue.values);
    case 'invalid_format':
      // A bare regular expression tells a reader little; schemas give theirs an `expected` phrase.
      if (issue.format === 'regex' && schema?.meta()?.['expected'] === undefined) return `a string matching ${issue.pattern ?? 'a pattern'}`;
      return schema ? describeSchema(schema) : `a valid ${issue.format}`;
    case 'too_big':
    case 'too_small':
      return sizeExpectation(issue, schema);
    default:
      return issue.message;
  }
}

const UNBOUNDED = Number.MAX_SAFE_INTEGER;

/** "an integer from 0 to 65535", "a string of exactly 10 characters", "a list with at least 1 item". */
function sizeExpectation(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, schema: z.ZodType | undefined): string {
  const range = schema instanceof z.ZodNumber ? numberRange(schema) : undefined;
  if (range !== undefined) return range;
  const bound = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  const limit = issue.exact ? 'exactly' : issue.code === 'too_big' ? 'at most' : 'at least';
  if (issue.origin === 'string') {
    if (issue.code === 'too_small' && !issue.exact && bound === 1) return 'a non-empty string';
    return `a string of ${limit} ${bound} ${bound === 1 ? 'character' : 'characters'}`;
  }
  if (issue.origin === 'array') return `a list with ${limit} ${bound} ${bound === 1 ? 'item' : 'items'}`;
  return `a value of ${limit} ${bound}`;
}

/** "an integer from 0 to 65535", "an integer of at least 1"; zod's implicit safe-integer limits are not worth saying. */
function numberRange(schema: z.ZodNumber): string | undefined {
  const noun = schema.isInt ? 'an integer' : 'a number';
  const min = schema.minValue !== null && Math.abs(schema.minValue) < UNBOUNDED ? schema.minValue : undefined;
  const max = schema.maxValue !== null && Math.abs(schema.maxValue) < UNBOUNDED ? schema.maxValue : undefined;
  if (min !== undefined && max !== undefined) return `${noun} from ${min} to ${max}`;
  if (min !== undefined) return `${noun} of at least ${min}`;
  if (max !== undefined) return `${noun} of at most ${max}`;
  return schema.isInt ? 'an integer' : undefined;
}

/**
 * In a union such as "one role or a list of roles", the one alternative that took the value's shape, when there is
 * exactly one: its problems ("roles[1]: expected one of …") say more than "expected … or a list; got a list".
 * Alternatives that refused the value's type are out; of the rest, those whose problems lie inside the value win.
 */
function acceptedBranch(issue: z.core.$ZodIssueInvalidUnion): z.core.$ZodIssue[] | undefined {
  const shaped = issue.errors.filter((issues) => issues.length > 0 && !issues.every((inner) => inner.path.length === 0 && inner.code === 'invalid_type'));
  if (shaped.length === 1) return shaped[0];
  const inside = shaped.filter((issues) => issues.every((inner) => inner.path.length > 0));
  return inside.length === 1 ? inside[0] : undefined;
}
