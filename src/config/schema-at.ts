import { z } from 'zod';

/**
 * Strips the wrappers that do not change what a value must look like:
 * defaults, optional, nullable, and pipes (the schema the value is checked
 * against: the input side, or the output side of a preprocess).
 */
export function unwrap(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema;
  for (;;) {
    if (current instanceof z.ZodDefault || current instanceof z.ZodPrefault || current instanceof z.ZodOptional || current instanceof z.ZodNullable) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = (current.in instanceof z.ZodTransform ? current.out : current.in) as z.ZodType;
    } else {
      return current;
    }
  }
}

/** The schema that checks the value at `path`, or undefined when the path leaves the schema (an unknown key). */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const segment of path) {
    if (current === undefined) return undefined;
    const schema = unwrap(current);
    if (schema instanceof z.ZodObject && typeof segment === 'string') current = schema.shape[segment] as z.ZodType | undefined;
    else if (schema instanceof z.ZodArray && typeof segment === 'number') current = schema.element as z.ZodType;
    else return undefined;
  }
  return current === undefined ? undefined : unwrap(current);
}

/** The keys a strict object allows, in schema order. */
export function allowedKeys(schema: z.ZodType | undefined): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}
