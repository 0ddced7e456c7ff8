import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { CodedError, type ErrorCode } from '../../src/errors.js';

// UPDATE_GOLDEN=1 rewrites the expected files; review the diff before keeping it.
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

/** Runs fn and returns the CodedError it throws, failing the test if it does not. */
export function codedError(fn: () => unknown): CodedError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof CodedError, `expected a CodedError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an error');
}

/**
 * One test per `<dir>/<name>.yaml` fixture: loading it must throw exactly the
 * message in `<name>.expected.txt`, with the YAML code for the named YAML
 * cases and the invalid code otherwise; plus a test that fixtures and
 * expected files pair up. Paths are relative to the repository root, where
 * the test runner runs, so messages show the paths a user would type.
 */
export function testInvalidFixtures(options: {
  dir: string;
  load: (path: string) => unknown;
  yamlCases: ReadonlySet<string>;
  yamlCode: ErrorCode;
  invalidCode: ErrorCode;
}): void {
  const { dir } = options;
  const names = (suffix: string) =>
    readdirSync(dir)
      .filter((file) => file.endsWith(suffix))
      .map((file) => file.slice(0, -suffix.length))
      .sort();
  const cases = names('.yaml');

  test('every invalid fixture has an expected message, and every expected message a fixture', () => {
    assert.deepEqual(names('.expected.txt'), cases);
  });

  for (const name of cases) {
    test(`invalid: ${name}`, () => {
      const error = codedError(() => options.load(`${dir}/${name}.yaml`));
      const expectedFile = `${dir}/${name}.expected.txt`;
      if (UPDATE) writeFileSync(expectedFile, `${error.message}\n`);
      assert.equal(error.code, options.yamlCases.has(name) ? options.yamlCode : options.invalidCode);
      assert.equal(error.message, readFileSync(expectedFile, 'utf8').trimEnd());
    });
  }
}
