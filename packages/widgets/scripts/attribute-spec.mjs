// What an attribute of custom-elements.json accepts, read from its type and description. The
// generators (loader allow-list, WordPress blocks, docs tables) and Storybook's controls all read
// attributes through this one function, so the JSDoc conventions live here:
//
//   type (TypeScript's, or a JSDoc `@type {…}` on the property)   the attribute is
//   boolean                                                        a switch, off by default
//   number, with "(1–50)" in the description                       a whole number from 1 to 50
//   'a' | 'b' | 'c'  (a union of string literals; '' = not set)    one of those values
//   Code                                                           a lower-case code: a–z, 0–9, hyphens; at most 64
//   string                                                         free text
//
// Anything else throws, naming the attribute: give its property a JSDoc `@type`.

const LITERAL = /^(['"])(.*)\1$/;
const RANGE = /\((\d+)\s*[–-]\s*(\d+)\)/;

/** A JavaScript default as written in the source ("5", "'page'", "false") as a value; undefined for none or empty. */
function defaultValue(text) {
  if (text === undefined) return undefined;
  const t = String(text).trim();
  if (/^-?\d+$/.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  const literal = t.match(LITERAL);
  if (literal) return literal[2] === '' ? undefined : literal[2];
  return undefined;
}

/**
 * @param {{ name: string, type?: { text: string }, default?: string, description?: string }} attr
 * @param {string} where e.g. "pbgdpl-latest-laws", for the error message
 */
export function attributeSpec(attr, where = '') {
  const type = attr.type?.text?.trim() ?? '';
  const fail = (why) => {
    throw new Error(`${where ? `${where} ` : ''}attribute "${attr.name}": ${why}`);
  };
  const description = attr.description ?? '';
  const dflt = defaultValue(attr.default);
  if (type === 'boolean') return { kind: 'boolean', description };
  if (type === 'number') {
    const range = description.match(RANGE);
    if (!range) fail('a number needs its range in its description, e.g. "(1–50)"');
    return { kind: 'integer', min: Number(range[1]), max: Number(range[2]), default: dflt, description };
  }
  if (type === 'Code') return { kind: 'code', description };
  if (type === 'string') return { kind: 'text', description };
  const members = type.split('|').map((s) => s.trim());
  if (members.length > 1 && members.every((m) => LITERAL.test(m))) {
    const values = members.map((m) => m.match(LITERAL)[2]).filter((v) => v !== '');
    if (dflt !== undefined && !values.includes(dflt)) fail(`its default ${attr.default} is not one of ${values.join(', ')}`);
    return { kind: 'enum', values, default: dflt, description };
  }
  return fail(`type "${type || '(none)'}" is not one the generators know: boolean, number, 'a' | 'b', Code or string (give the property a JSDoc @type)`);
}

/** The attributes a page author sets: all but `api` and `site`, which only the loader's own script tag gives. */
export const LOADER_ONLY = ['api', 'site'];
