/** Types of attribute-spec.mjs, for the TypeScript that imports it (Storybook's preview). */
export type AttributeSpec =
  | { kind: 'boolean'; description: string }
  | { kind: 'integer'; min: number; max: number; default: number | undefined; description: string }
  | { kind: 'enum'; values: string[]; default: string | undefined; description: string }
  | { kind: 'code'; description: string }
  | { kind: 'text'; description: string };

export function attributeSpec(attr: { name: string; type?: { text: string }; default?: string; description?: string }, where?: string): AttributeSpec;

export const LOADER_ONLY: string[];
