import * as z from 'zod/mini';
import { Labelled } from './common.js';
import { Validity } from './laws.js';

export const Meta = z.object({
  fields: z.array(Labelled),
  types: z.array(z.extend(Labelled, { normative: z.boolean() })),
  issuers: z.array(Labelled),
  validity: z.array(z.object({ code: Validity, label: z.string() })),
});
export type Meta = z.infer<typeof Meta>;
