// Writes plugin/languages/pbgdpl.pot from the plugin's strings and lists what pbgdpl-vi.po lacks.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extract, parsePo, potText, untranslated } from './i18n.mjs';

const plugin = new URL('../plugin/', import.meta.url).pathname;
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
const entries = extract(plugin);
writeFileSync(`${plugin}languages/pbgdpl.pot`, potText(entries, version));
console.log(`languages/pbgdpl.pot: ${entries.length} strings`);
const po = `${plugin}languages/pbgdpl-vi.po`;
if (existsSync(po)) {
  const missing = untranslated(entries, parsePo(readFileSync(po, 'utf8')));
  for (const m of missing) console.log(`  not in pbgdpl-vi.po: ${JSON.stringify(m)}`);
}
