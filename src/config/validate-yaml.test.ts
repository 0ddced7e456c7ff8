import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { CodedError } from '../errors.js';
import { validateYamlText, type YamlFileKind } from './validate-yaml.js';

const KIND: YamlFileKind = { noun: 'widget file', yamlError: 'IPO_ERR_RULES_YAML', invalidError: 'IPO_ERR_RULES_INVALID' };
const colour = z.enum(['red', 'green']);
const schema = z.strictObject({
  colours: z.union([colour, z.array(colour).min(1)]).optional(),
  range: z.union([z.string(), z.strictObject({ from: z.string(), to: z.string().optional() })]).optional(),
});

function message(text: string): { code: string; message: string } {
  try {
    validateYamlText(text, 'w.yaml', schema, KIND);
  } catch (error) {
    assert.ok(error instanceof CodedError);
    return { code: error.code, message: error.message };
  }
  assert.fail('expected an error');
}

test('valid text gives the parsed data; an empty file gives whenEmpty', () => {
  assert.deepEqual(validateYamlText('colours: [red]\n', 'w.yaml', schema, KIND), { colours: ['red'] });
  assert.deepEqual(validateYamlText('# nothing\n', 'w.yaml', schema, { ...KIND, whenEmpty: {} }), {});
});

test('YAML and schema problems carry the file kind\'s codes and name the noun', () => {
  assert.equal(message('colours: [red\n').code, 'IPO_ERR_RULES_YAML');
  assert.deepEqual(message('colour: red\n'), {
    code: 'IPO_ERR_RULES_INVALID',
    message: 'Invalid widget file in w.yaml (1 problem):\n  w.yaml:1:1 colour: unknown key (allowed: colours, range)',
  });
});

test('"one value or a list": a bad list item is named by its index, not "expected … or a list"', () => {
  assert.equal(message('colours: [red, blue]\n').message, 'Invalid widget file in w.yaml (1 problem):\n  w.yaml:1:16 colours[1]: expected one of "red", "green"; got "blue"');
  assert.equal(message('colours: blue\n').message, 'Invalid widget file in w.yaml (1 problem):\n  w.yaml:1:10 colours: expected one of "red", "green"; got "blue"');
});

test('"a string or a mapping": an unknown key lists the mapping\'s keys', () => {
  assert.equal(message('range: { from: a, til: b }\n').message, 'Invalid widget file in w.yaml (1 problem):\n  w.yaml:1:19 range.til: unknown key (allowed: from, to)');
});
