import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { z } from 'zod';

/**
 * The two documentation tests every configurable component has: its README
 * embeds sample.yaml verbatim under "## Configuration", and sample.yaml is
 * one section (`key:`) that writes out every option at its default value and
 * passes the schema.
 */
export function testSampleConfigDocs(options: { folder: URL; key: string; schema: z.ZodType; defaults?: unknown }): void {
  const read = (name: string) => readFileSync(new URL(name, options.folder), 'utf8');

  test('README embeds sample.yaml verbatim under Configuration', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Configuration'));
    assert.ok(section.includes('```yaml\n' + read('sample.yaml') + '```'), 'README.md must embed sample.yaml verbatim in a ```yaml block');
  });

  test('sample.yaml sets every option to its default and passes the schema', () => {
    const sample = parse(read('sample.yaml')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(sample), [options.key]);
    assert.deepEqual(options.schema.parse(sample[options.key]), options.schema.parse({}));
    if (options.defaults !== undefined) assert.deepEqual(sample[options.key], options.defaults, 'every option is written out, with the default value');
  });
}
