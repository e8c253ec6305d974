import type { Citation } from '@pbgdpl/contract';
import type { Lang } from '../core/lang.js';
import { strings } from './qa-box.i18n.js';

type Unit = 'điểm' | 'khoản' | 'điều';
const ORDER: Unit[] = ['điểm', 'khoản', 'điều'];
const NAMES: Record<Lang, Record<Unit, string>> = {
  vi: { điểm: 'điểm', khoản: 'khoản', điều: 'Điều' },
  en: { điểm: 'point', khoản: 'clause', điều: 'Article' },
};

/**
 * A provision as stored ("Điều 8 khoản 1 điểm a") in the order lawyers write it: "điểm a khoản 1
 * Điều 8" ("point a, clause 1, Article 8" in English). Anything that is not such a provision (two
 * articles, free text) is left as written.
 */
export function formatArticle(article: string, lang: Lang): string {
  const text = article.normalize('NFC').trim();
  const words = text.split(/\s+/);
  const found: Partial<Record<Unit, string>> = {};
  if (words.length % 2) return text;
  for (let i = 0; i < words.length; i += 2) {
    const unit = words[i]!.toLowerCase() as Unit;
    if (!ORDER.includes(unit) || found[unit]) return text;
    found[unit] = words[i + 1]!.replace(/[,;.]$/, '');
  }
  return ORDER.filter((u) => found[u])
    .map((u) => `${NAMES[lang][u]} ${found[u]}`)
    .join(lang === 'vi' ? ' ' : ', ');
}

/**
 * A citation as a lawyer writes it, in two pieces so the document can be a link: "điểm a khoản 2
 * Điều 20" and "Luật Cư trú", or "văn bản số 52/2014/QH13" while the API gives no title.
 */
export function formatCitation(cite: Pick<Citation, 'number' | 'article'> & { title?: string | null }, lang: Lang): { provision: string; document: string } {
  const provision = cite.article?.trim() ? formatArticle(cite.article, lang) : '';
  const document = cite.title?.trim() || `${strings[lang].docNo} ${cite.number}`;
  return { provision: provision && (lang === 'vi' ? `${provision} ` : `${provision} of `), document };
}
