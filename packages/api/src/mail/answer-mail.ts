import { ANSWER_MAIL } from './answer-mail.i18n.js';
import { sanitizeAnswerHtml } from './sanitize-answer.js';

export interface AnswerMailInput {
  siteName: string;
  trackingCode: string;
  answerHtml: string;
  citations: { number: string; article: string | null; url: string | null }[];
  /** The page the question was asked on, when the form said. */
  pageUrl: string | null;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** Only a web page is linked; whatever else a form sent as its page is left out. */
const webPage = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

/** The answer as plain text for the text part: paragraphs and list items on lines of their own, links written out. */
export function answerToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<a\b[^>]*\bhref\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi, (_, href: string, label: string) => `${label} (${href})`)
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h\d|blockquote|ul|ol)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const citationLine = (c: AnswerMailInput['citations'][number]) => `${c.number}${c.article ? `, ${c.article}` : ''}`;

/**
 * The mail that carries an answer: the answer (as text, and as sanitised HTML), its citations,
 * the tracking code and the page it was asked on. Nothing else about the citizen: not the name,
 * not the question's own words (the tracking code says which question it was).
 */
export function composeAnswerMail(m: AnswerMailInput): ComposedMail {
  const t = ANSWER_MAIL.vi;
  const page = webPage(m.pageUrl);
  const cited = m.citations.map((c) => ({ line: citationLine(c), url: webPage(c.url) }));
  const text = [
    t.intro(m.siteName),
    '',
    `${t.codeLabel}: ${m.trackingCode}`,
    '',
    `${t.answerHeading}:`,
    answerToText(m.answerHtml),
    ...(cited.length ? ['', `${t.citationsHeading}:`, ...cited.map((c) => `- ${c.line}${c.url ? ` (${c.url})` : ''}`)] : []),
    '',
    ...(page ? [`${t.pageLink} ${page}`] : []),
    t.lookup,
    '',
    t.why,
  ].join('\n');
  const html = [
    '<!doctype html><html lang="vi"><head><meta charset="utf-8"></head><body>',
    `<p>${escapeHtml(t.intro(m.siteName))}</p>`,
    `<p>${escapeHtml(t.codeLabel)}: <strong>${escapeHtml(m.trackingCode)}</strong></p>`,
    `<h3>${escapeHtml(t.answerHeading)}</h3>`,
    `<div>${sanitizeAnswerHtml(m.answerHtml)}</div>`,
    ...(cited.length
      ? [
          `<h3>${escapeHtml(t.citationsHeading)}</h3><ul>`,
          ...cited.map((c) => `<li>${c.url ? `<a href="${escapeHtml(c.url)}">${escapeHtml(c.line)}</a>` : escapeHtml(c.line)}</li>`),
          '</ul>',
        ]
      : []),
    ...(page ? [`<p>${escapeHtml(t.pageLink)} <a href="${escapeHtml(page)}">${escapeHtml(page)}</a></p>`] : []),
    `<p>${escapeHtml(t.lookup)}</p>`,
    `<p><small>${escapeHtml(t.why)}</small></p>`,
    '</body></html>',
  ].join('\n');
  return { subject: t.subject(m.trackingCode), text, html };
}
