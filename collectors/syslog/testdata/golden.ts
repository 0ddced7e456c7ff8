import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

/**
 * Golden files: each input in a testdata folder has a NAME.expected.json
 * beside it. UPDATE_GOLDEN=1 rewrites them from the code's output (then
 * read the diff before committing it).
 */
export function goldenCases(folder: string, extension: string): Array<{ name: string; input: Buffer; check(actual: unknown): void }> {
  const dir = new URL(`${folder}/`, import.meta.url);
  return readdirSync(dir)
    .filter((file) => file.endsWith(extension))
    .sort()
    .map((file) => {
      const name = file.slice(0, -extension.length);
      const expectedUrl = new URL(`${name}.expected.json`, dir);
      return {
        name,
        input: readFileSync(new URL(file, dir)),
        check(actual: unknown) {
          const json = JSON.stringify(actual, null, 2) + '\n';
          if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(expectedUrl, json);
          assert.deepEqual(JSON.parse(json), JSON.parse(readFileSync(expectedUrl, 'utf8')), `${folder}/${name}: output differs from ${name}.expected.json`);
        },
      };
    });
}
