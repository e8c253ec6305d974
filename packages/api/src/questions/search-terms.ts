import { foldVietnamese } from '@pbgdpl/contract';
import { THESAURUS } from './thesaurus.js';

/** Words too common in questions to tell one from another (folded). */
const STOP = new Set(
  (
    'a ah ai anh bi cac cai can cho chi chua co cua da dang de den do duoc em gi gium giup ha hay hoi khi khong la lai lam ' +
    'luc ma minh mot muon nay neu nhe nhu nhung nao nen o oi phai ra roi sao se tai the thi toi trong tu va van vay ve voi vi xin ' +
    'a u uh nhi kia day ay bao nhieu hien nay duoc khong vay a'
  ).split(' '),
);

const PHRASES = Object.keys(THESAURUS).sort((a, b) => b.length - a.length);

/** The folded text with every colloquial phrase followed by its formal wording. */
export function expand(folded: string): string {
  let out = ` ${folded} `;
  for (const phrase of PHRASES) {
    if (out.includes(` ${phrase} `)) out = out.replaceAll(` ${phrase} `, ` ${phrase} ${THESAURUS[phrase]} `);
  }
  return out.trim();
}

/**
 * Index terms of a text: folded words minus stop words, plus two-word pairs, since most
 * Vietnamese words are two syllables ("đất đai", "kết hôn") and pairs carry the meaning.
 */
export function terms(text: string): string[] {
  const words = expand(foldVietnamese(text))
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (!STOP.has(w)) out.push(w);
    if (next && !STOP.has(w) && !STOP.has(next)) out.push(`${w} ${next}`);
  }
  return out;
}
