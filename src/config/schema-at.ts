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
    const schema = branchFor(unwrap(current), segment);
    if (schema instanceof z.ZodObject && typeof segment === 'string') current = schema.shape[segment] as z.ZodType | undefined;
    else if (schema instanceof z.ZodArray && typeof segment === 'number') current = schema.element as z.ZodType;
    else return undefined;
  }
  return current === undefined ? undefined : unwrap(current);
}

/** The keys a strict object allows, in schema order; for a union (`a string or a mapping`), its mappings' keys. */
export function allowedKeys(schema: z.ZodType | undefined): string[] {
  if (schema instanceof z.ZodUnion) return [...new Set((schema.options as readonly z.ZodType[]).flatMap((option) => allowedKeys(unwrap(option))))];
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/** In a union (`one role or a list of roles`), the option a path segment can lead into: a mapping for a key, a list for an index. */
function branchFor(schema: z.ZodType, segment: PropertyKey): z.ZodType {
  if (!(schema instanceof z.ZodUnion)) return schema;
  const options = (schema.options as readonly z.ZodType[]).map(unwrap);
  const fits = (option: z.ZodType) =>
    typeof segment === 'number' ? option instanceof z.ZodArray : option instanceof z.ZodObject && typeof segment === 'string' && segment in option.shape;
  return options.find(fits) ?? schema;
}
