import type { Preview } from '@storybook/web-components-vite';
import { attributeSpec } from '../packages/widgets/scripts/attribute-spec.mjs';
import generated from '../packages/widgets/custom-elements.json';

type Declaration = { kind: string; members?: unknown; cssParts?: { name: string }[] };
type ArgTypesEnhancer = NonNullable<Preview['argTypesEnhancers']>[number];
type Manifest = { modules: { declarations?: Declaration[] }[] };

/**
 * packages/widgets/custom-elements.json as Storybook's tables show it. Every public property is
 * also an attribute, and the tables list attributes (what an embed snippet writes): the members
 * would only repeat them. Parts are named `::part(x)`, because Storybook keys its rows by name and
 * parts share names with attributes (heading).
 */
export function storybookManifest(): Manifest {
  const manifest = structuredClone(generated) as unknown as Manifest;
  for (const mod of manifest.modules) {
    for (const decl of mod.declarations ?? []) {
      if (decl.kind !== 'class') continue;
      delete decl.members;
      for (const part of decl.cssParts ?? []) part.name = `::part(${part.name})`;
    }
  }
  return manifest;
}

/** CSS parts and events are documented in the tables but are not something a control can set. */
const NO_CONTROL = new Set(['css shadow parts', 'events']);

/**
 * Controls from the manifest, where a story does not choose its own: attributes by their type
 * (packages/widgets/scripts/attribute-spec.mjs reads them, as the docs and WordPress do), custom
 * properties as a colour picker when their default is a colour.
 */
export const controlsFromManifest: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([key, argType]) => {
      const category = String(argType.table?.category ?? '');
      if (NO_CONTROL.has(category)) return [key, { ...argType, control: false as const }];
      if (argType.control !== undefined) return [key, argType];
      const dflt = argType.table?.defaultValue?.summary;
      if (category === 'css custom properties') return [key, { ...argType, control: /^#[0-9a-f]{3,8}$/i.test(String(dflt)) ? 'color' : 'text' }];
      if (category !== 'attributes') return [key, argType];
      const spec = attributeSpec({
        name: key,
        type: { text: String(argType.table?.type?.summary ?? '') },
        default: dflt === undefined ? undefined : String(dflt),
        description: argType.description ?? '',
      });
      const control = {
        boolean: () => ({ control: 'boolean' as const }),
        integer: () => (spec.kind === 'integer' ? { control: { type: 'range' as const, min: spec.min, max: spec.max, step: 1 } } : {}),
        enum: () =>
          spec.kind === 'enum'
            ? {
                control: spec.values.length <= 4 ? ('inline-radio' as const) : ('select' as const),
                options: spec.default === undefined ? ['', ...spec.values] : spec.values,
              }
            : {},
        code: () => ({ control: 'text' as const }),
        text: () => ({ control: 'text' as const }),
      }[spec.kind]();
      return [key, { ...argType, ...control }];
    }),
  );
