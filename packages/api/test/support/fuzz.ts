import fc from 'fast-check';

/**
 * Malformed request bodies for property-based tests of the write routes: a valid body with one
 * field made wrong (type, length, unicode, control characters, huge, missing, extra and prototype
 * keys), random JSON, and transport-level damage (Content-Type, invalid UTF-8, truncation, size).
 */
export interface FuzzCase {
  /** Which family of damage: what the run's summary counts. */
  kind: string;
  /** What exactly was done, for the failure message. */
  label: string;
  body: Uint8Array;
  contentType: string | null;
}

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const sample = (value: unknown) => {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 80 ? `${s.slice(0, 77)}…(${s.length})` : s;
};

export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isAdmin', 'role'];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n));
const control = fc.integer({ min: 0, max: 0x1f }).map((n) => String.fromCharCode(n));
const invisible = fc.constantFrom('\u0000', '\u007f', '\u0085', '\u00a0', '\u200b', '\u200e', '\u202e', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff');

/** Strings a form would never send, or that test every corner of text handling. */
export const badString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: fc.oneof(control, invisible, loneSurrogate, fc.constantFrom('a', 'đ', ' ')), maxLength: 40 }),
  fc.string({ unit: fc.oneof(control, invisible), minLength: 1, maxLength: 5 }).map((bad) => `Thủ tục cấp giấy${bad} chứng nhận quyền sử dụng đất`),
  fc.integer({ min: 0, max: 70_000 }).chain((n) => fc.constantFrom('x', 'đ', '😀', ' ', '\u0000').map((c) => c.repeat(n))),
  fc.constantFrom(
    '',
    ' ',
    '\t\r\n',
    '\u3000\u00a0',
    '\u0000',
    '\u0000'.repeat(30),
    'null',
    'undefined',
    'NaN',
    'Infinity',
    'true',
    '[]',
    '{}',
    '__proto__',
    'constructor',
    '<script>alert(1)</script>',
    "'; drop table questions; --",
    '%00',
    '../../etc/passwd',
    '${7*7}',
    '{{7*7}}',
    'A\u030A\u0301\u0327'.repeat(50),
    '\ud83d',
    '\udc00 lone low surrogate with enough text',
    'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  ),
);

/** Values of the wrong type for any field. */
export const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 0.1),
);

/** Raw JSON values JSON.stringify cannot make. */
const rawJson = fc.constantFrom(
  '1e400',
  '-1e400',
  '1e-400',
  '0x10',
  '01',
  'NaN',
  'Infinity',
  '.5',
  '5.',
  '"\\ud800"',
  '"\\u0000"',
  '"\\x41"',
  "'single'",
  'undefined',
  '[,]',
  '{"a":1,}',
  '99999999999999999999999999',
);

export interface BodyShape {
  /** A body the route accepts (the proof of work, if any, filled in by the test). */
  valid: Record<string, unknown>;
  /** Top-level fields, and dotted paths into arrays and objects ("citations.0.number"). */
  paths: string[];
  /** Bytes past which the route answers 413. */
  limit: number;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown, remove = false) {
  const parts = path.split('.');
  let node: any = target;
  for (const p of parts.slice(0, -1)) node = node?.[p];
  if (node === null || typeof node !== 'object') return;
  const last = parts.at(-1)!;
  if (remove) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = value;
}

const clone = <T>(v: T): T => structuredClone(v);

/** Inserts `"key": value` as raw JSON text at the end of the top-level object, so "__proto__" stays an own key. */
function withExtraKey(body: Record<string, unknown>, key: string, valueJson: string) {
  const text = JSON.stringify(body);
  return `${text.slice(0, -1)}${text.length > 2 ? ',' : ''}${JSON.stringify(key)}:${valueJson}}`;
}

/** Every kind of malformed body for one route. */
export function malformed(shape: BodyShape): fc.Arbitrary<FuzzCase> {
  const json = (kind: string, label: string, text: string, contentType: string | null = 'application/json'): FuzzCase => ({
    kind,
    label,
    body: utf8(text),
    contentType,
  });
  const path = fc.constantFrom(...shape.paths);
  const validText = JSON.stringify(shape.valid);

  const fieldWrongType = fc.tuple(path, wrongType).map(([p, v]) => {
    const b = clone(shape.valid);
    setPath(b, p, v);
    return json('wrong type', `${p} = ${sample(v)}`, JSON.stringify(b));
  });
  const fieldBadString = fc.tuple(path, badString).map(([p, v]) => {
    const b = clone(shape.valid);
    setPath(b, p, v);
    return json('bad string', `${p} = ${sample(v)}`, JSON.stringify(b));
  });
  const fieldRawJson = fc.tuple(path, rawJson).map(([p, raw]) => {
    const b = clone(shape.valid);
    const marker = '"__RAW_VALUE_MARKER__"';
    setPath(b, p, '__RAW_VALUE_MARKER__');
    return json('raw json value', `${p} = ${raw}`, JSON.stringify(b).replace(marker, raw));
  });
  const missing = path.map((p) => {
    const b = clone(shape.valid);
    setPath(b, p, undefined, true);
    return json('missing key', `without ${p}`, JSON.stringify(b));
  });
  const extraKey = fc
    .tuple(fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS), fc.string({ maxLength: 12 })), fc.jsonValue({ maxDepth: 2 }))
    .map(([k, v]) => json(PROTOTYPE_KEYS.includes(k) ? 'prototype key' : 'extra key', `+ ${k}: ${sample(v)}`, withExtraKey(shape.valid, k, JSON.stringify(v))));
  const nestedProto = fc.tuple(path, fc.constantFrom(...PROTOTYPE_KEYS)).map(([p, k]) => {
    const b = clone(shape.valid);
    setPath(b, p, '__NESTED__');
    return json(
      'prototype key',
      `${p} = {"${k}": {...}}`,
      JSON.stringify(b).replace('"__NESTED__"', `{${JSON.stringify(k)}:{"isAdmin":true,"status":"answered"}}`),
    );
  });
  const duplicateKey = fc
    .tuple(
      path.filter((p) => !p.includes('.')),
      wrongType,
    )
    .map(([p, v]) => json('duplicate key', `${p} twice, last ${sample(v)}`, withExtraKey(shape.valid, p, JSON.stringify(v) ?? 'null')));
  const randomJson = fc.jsonValue({ maxDepth: 4 }).map((v) => json('random json', sample(v), JSON.stringify(v) ?? 'null'));
  const deep = fc.integer({ min: 100, max: 5000 }).map((n) => json('random json', `nested ${n} deep`, `${'['.repeat(n)}${']'.repeat(n)}`));
  const wrongContentType = fc
    .constantFrom(
      null,
      '',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json-patch+json',
      'application/jsonx',
      'text/json',
      'application/xml',
      ' application/json',
      'json',
    )
    .map((ct) => json('wrong content type', `Content-Type: ${ct}`, validText, ct));
  const invalidUtf8 = fc
    .tuple(
      fc.constantFrom([0xff], [0xfe], [0xc3, 0x28], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xe2, 0x82]),
      fc.nat(),
    )
    .map(([bad, at]) => {
      const bytes = utf8(validText);
      // Inside a string value: after the first quote of some value.
      const quotes = [...validText.matchAll(/:"/g)].map((m) => Buffer.byteLength(validText.slice(0, m.index + 2)));
      const pos = quotes.length ? quotes[at % quotes.length]! : 1;
      return {
        kind: 'invalid utf-8',
        label: `bytes ${bad.map((b) => b.toString(16)).join(' ')} at ${pos}`,
        body: new Uint8Array([...bytes.slice(0, pos), ...bad, ...bytes.slice(pos)]),
        contentType: 'application/json',
      };
    });
  const truncated = fc
    .integer({ min: 0, max: validText.length - 1 })
    .map((n) => json('truncated json', `first ${n} of ${validText.length} characters`, validText.slice(0, n)));
  const oversized = fc.tuple(fc.integer({ min: 1, max: 3 * shape.limit }), fc.boolean()).map(([extra, inField]) => {
    const filler = 'đ'.repeat(Math.ceil((shape.limit + extra) / 2));
    const text = inField ? withExtraKey(shape.valid, 'padding', JSON.stringify(filler)) : `${validText}${' '.repeat(shape.limit + extra)}`;
    return json('over the size limit', `${Buffer.byteLength(text)} bytes (${inField ? 'in a field' : 'trailing spaces'})`, text);
  });
  const randomBytes = fc
    .uint8Array({ maxLength: 300 })
    .map((b) => ({ kind: 'random bytes', label: `${b.length} random bytes`, body: b, contentType: 'application/json' }));
  const hugeArray = fc.tuple(path, fc.integer({ min: 9, max: 3000 })).map(([p, n]) => {
    const b = clone(shape.valid);
    setPath(
      b,
      p,
      Array.from({ length: n }, (_, i) => (i % 2 ? 'xu-ly-cau-hoi' : { number: '91/2025/QH15' })),
    );
    return json('wrong type', `${p} = array of ${n}`, JSON.stringify(b));
  });

  return fc
    .oneof(
      { arbitrary: fieldWrongType, weight: 4 },
      { arbitrary: fieldBadString, weight: 6 },
      { arbitrary: fieldRawJson, weight: 1 },
      { arbitrary: missing, weight: 2 },
      { arbitrary: extraKey, weight: 2 },
      { arbitrary: nestedProto, weight: 1 },
      { arbitrary: duplicateKey, weight: 1 },
      { arbitrary: randomJson, weight: 2 },
      { arbitrary: deep, weight: 1 },
      { arbitrary: wrongContentType, weight: 1 },
      { arbitrary: invalidUtf8, weight: 1 },
      { arbitrary: truncated, weight: 1 },
      { arbitrary: oversized, weight: 1 },
      { arbitrary: randomBytes, weight: 1 },
      { arbitrary: hugeArray, weight: 1 },
    )
    .map((c) => Object.assign(c, { [fc.toStringMethod]: () => `${c.kind}: ${c.label} (${c.body.length} bytes, Content-Type ${String(c.contentType)})` }));
}

/** How many cases of each kind ran and what the server answered. */
export class Tally {
  total = 0;
  private kinds = new Map<string, number>();
  private statuses = new Map<number, number>();
  add(kind: string, status: number) {
    this.total++;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
  }
  toString() {
    const list = (m: Map<string | number, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k}: ${n}`)
        .join(', ');
    return `${this.total} cases (${list(this.kinds)}); statuses ${list(this.statuses)}`;
  }
}
