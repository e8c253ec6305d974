/**
 * A response's structure, compiled from the contract's zod schema by scripts/gen-shapes.ts.
 * The widgets check responses with this instead of shipping zod: 0.3 KB instead of 5 KB.
 * "s" string, "n" number, "b" boolean, ["?", x] x or null, ["~", x] x or absent,
 * ["[]", x] array of x, ["|", ...values] one of the values, { key: x } object.
 */
export type Shape = 's' | 'n' | 'b' | readonly ['?' | '~' | '[]', Shape] | readonly ['|', ...unknown[]] | { readonly [key: string]: Shape };

export function conforms(shape: Shape, value: unknown): boolean {
  if (shape === 's') return typeof value === 'string';
  if (shape === 'n') return typeof value === 'number';
  if (shape === 'b') return typeof value === 'boolean';
  if (Array.isArray(shape)) {
    const [op, ...rest] = shape as readonly [string, ...unknown[]];
    if (op === '?') return value === null || conforms(rest[0] as Shape, value);
    if (op === '~') return value === undefined || conforms(rest[0] as Shape, value);
    if (op === '[]') return Array.isArray(value) && value.every((item) => conforms(rest[0] as Shape, item));
    return rest.includes(value);
  }
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(shape as Record<string, Shape>).every(([key, s]) => conforms(s, (value as Record<string, unknown>)[key]))
  );
}
