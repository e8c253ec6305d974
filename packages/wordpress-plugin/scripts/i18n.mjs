// Translations without external tools: the .pot from the plugin's PHP files, widgets.overlay.json and the
// plugin header; .po files read; .mo files written. `pnpm --filter @pbgdpl/wordpress-plugin pot`
// refreshes plugin/languages/pbgdpl.pot; the build does it too and compiles every .po to .mo.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const DOMAIN = 'pbgdpl';

/** Every PHP file under dir. */
const phpFiles = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return phpFiles(full);
    return name.endsWith('.php') ? [full] : [];
  });

/** A PHP single-quoted string's value. */
const unquote = (s) => s.replace(/\\(['\\])/g, '$1');

/**
 * msgid -> { context, refs, comment } from __(), _e(), esc_html__(), esc_html_e(), esc_attr__(),
 * esc_attr_e() and _x() calls with single-quoted strings and the 'pbgdpl' domain.
 */
export function extract(pluginDir) {
  const entries = new Map();
  const add = (msgid, ref, { context = '', comment = '' } = {}) => {
    const key = `${context}\u0004${msgid}`;
    const entry = entries.get(key) ?? { msgid, context, refs: [], comments: new Set() };
    entry.refs.push(ref);
    if (comment) entry.comments.add(comment);
    entries.set(key, entry);
  };
  const header = readFileSync(join(pluginDir, 'pbgdpl.php'), 'utf8');
  for (const field of ['Plugin Name', 'Description']) {
    const m = header.match(new RegExp(`^ \\* ${field}:\\s*(.+)$`, 'm'));
    if (m) add(m[1].trim(), 'pbgdpl.php', { comment: `${field} of the plugin` });
  }
  const str = `'((?:[^'\\\\]|\\\\.)*)'`;
  const simple = new RegExp(`\\b(?:__|_e|esc_html__|esc_html_e|esc_attr__|esc_attr_e)\\(\\s*${str}\\s*,\\s*'${DOMAIN}'\\s*\\)`, 'g');
  const withContext = new RegExp(`\\b_x\\(\\s*${str}\\s*,\\s*${str}\\s*,\\s*'${DOMAIN}'\\s*\\)`, 'g');
  for (const file of phpFiles(pluginDir)) {
    const code = readFileSync(file, 'utf8');
    const rel = relative(pluginDir, file);
    const lineOf = (index) => code.slice(0, index).split('\n').length;
    const translatorsBefore = (index) => {
      const before = code.slice(Math.max(0, index - 400), index);
      const m = before.match(/\/\*\s*translators:([^*]*)\*\/[^/]*$/);
      return m ? `translators:${m[1].trimEnd()}` : '';
    };
    for (const m of code.matchAll(simple)) add(unquote(m[1]), `${rel}:${lineOf(m.index)}`, { comment: translatorsBefore(m.index) });
    for (const m of code.matchAll(withContext)) add(unquote(m[1]), `${rel}:${lineOf(m.index)}`, { context: unquote(m[2]) });
  }
  // The widgets' texts: titles, descriptions and labels, all in the overlay ($common: the attributes every widget has).
  const overlay = JSON.parse(readFileSync(join(pluginDir, 'widgets.overlay.json'), 'utf8'));
  for (const [name, widget] of Object.entries(overlay)) {
    if (name === '$comment') continue;
    const ref = `widgets.overlay.json:${name}`;
    if (widget.title) add(widget.title, ref, { comment: 'Title of a widget' });
    if (widget.description) add(widget.description, ref);
    for (const [attr, spec] of Object.entries(widget.attributes ?? {})) {
      if (spec.label) add(spec.label, `${ref}.${attr}`);
      if (spec.help) add(spec.help, `${ref}.${attr}`);
      for (const label of Object.values(spec.values ?? {})) add(label, `${ref}.${attr}`);
    }
  }
  return [...entries.values()];
}

const quote = (s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;

/** The .pot text (no creation date, so it changes only when the strings do). */
export function potText(entries, version) {
  const head = [
    '# Translation template of the PBGDPL WordPress plugin.',
    '# Made by packages/wordpress-plugin/scripts/i18n.mjs; do not edit by hand.',
    'msgid ""',
    'msgstr ""',
    `"Project-Id-Version: PBGDPL ${version}\\n"`,
    '"MIME-Version: 1.0\\n"',
    '"Content-Type: text/plain; charset=UTF-8\\n"',
    '"Content-Transfer-Encoding: 8bit\\n"',
    `"X-Domain: ${DOMAIN}\\n"`,
    '',
  ];
  const body = entries.flatMap((e) => [
    ...[...e.comments].map((c) => `#. ${c}`),
    `#: ${e.refs.join(' ')}`,
    ...(e.context ? [`msgctxt ${quote(e.context)}`] : []),
    `msgid ${quote(e.msgid)}`,
    'msgstr ""',
    '',
  ]);
  return [...head, ...body].join('\n');
}

const unescapePo = (s) => s.replace(/\\(.)/g, (_, c) => ({ n: '\n', t: '\t', r: '\r' })[c] ?? c);

/** A .po file's entries: { context, msgid, msgstr } (the header is the entry with msgid ""). */
export function parsePo(text) {
  const entries = [];
  let entry = null;
  let field = null;
  const flush = () => {
    if (entry && entry.msgid !== undefined) entries.push(entry);
    entry = null;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = line.match(/^(msgctxt|msgid|msgstr)\s+"(.*)"$/);
    if (m) {
      if (m[1] === 'msgctxt' || (m[1] === 'msgid' && entry?.msgstr !== undefined)) flush();
      entry ??= {};
      field = m[1];
      entry[field] = unescapePo(m[2]);
      continue;
    }
    const cont = line.match(/^"(.*)"$/);
    if (cont && entry && field) entry[field] += unescapePo(cont[1]);
  }
  flush();
  return entries.map((e) => ({ context: e.msgctxt ?? '', msgid: e.msgid, msgstr: e.msgstr ?? '' }));
}

/** A GNU .mo file (little-endian, no hash table) of the translated entries. */
export function moBuffer(entries) {
  const items = entries
    .filter((e) => e.msgid === '' || e.msgstr !== '')
    .map((e) => ({ key: e.context ? `${e.context}\u0004${e.msgid}` : e.msgid, value: e.msgstr }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
  const n = items.length;
  const keys = items.map((i) => Buffer.from(i.key, 'utf8'));
  const values = items.map((i) => Buffer.from(i.value, 'utf8'));
  const headerSize = 28;
  const tableSize = n * 8;
  let offset = headerSize + tableSize * 2;
  const keyTable = Buffer.alloc(tableSize);
  const valueTable = Buffer.alloc(tableSize);
  const chunks = [];
  keys.forEach((k, i) => {
    keyTable.writeUInt32LE(k.length, i * 8);
    keyTable.writeUInt32LE(offset, i * 8 + 4);
    chunks.push(k, Buffer.from([0]));
    offset += k.length + 1;
  });
  values.forEach((v, i) => {
    valueTable.writeUInt32LE(v.length, i * 8);
    valueTable.writeUInt32LE(offset, i * 8 + 4);
    chunks.push(v, Buffer.from([0]));
    offset += v.length + 1;
  });
  const header = Buffer.alloc(headerSize);
  header.writeUInt32LE(0x950412de, 0); // magic
  header.writeUInt32LE(0, 4); // revision
  header.writeUInt32LE(n, 8);
  header.writeUInt32LE(headerSize, 12);
  header.writeUInt32LE(headerSize + tableSize, 16);
  header.writeUInt32LE(0, 20); // hash table size
  header.writeUInt32LE(headerSize + tableSize * 2, 24);
  return Buffer.concat([header, keyTable, valueTable, ...chunks]);
}

/** The template's msgids that a .po does not translate. */
export function untranslated(potEntries, poEntries) {
  const done = new Set(poEntries.filter((e) => e.msgstr !== '').map((e) => `${e.context}\u0004${e.msgid}`));
  return potEntries.filter((e) => !done.has(`${e.context}\u0004${e.msgid}`)).map((e) => e.msgid);
}
