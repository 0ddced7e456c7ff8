import { z } from 'zod';

/**
 * JSON Schema of a catalogue for editors (named by the catalogue's `# yaml-language-server: $schema=` line). Our
 * `expected` phrases become descriptions, which read well as editor hints. Cross-checks (unique ids, regular
 * expressions, references) are not in it: `ipo-observer check-rules` runs them.
 */
export function editorJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    override: ({ jsonSchema }) => {
      const { expected } = jsonSchema as { expected?: unknown };
      if (typeof expected === 'string') {
        delete (jsonSchema as { expected?: unknown }).expected;
        jsonSchema.description = `Expected ${expected}.`;
      }
    },
  }) as Record<string, unknown>;
}
