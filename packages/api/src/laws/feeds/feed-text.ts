import sanitizeHtml from 'sanitize-html';

/** What sanitize-html escapes in the text it keeps; decoded again so the text is text, not HTML. */
const ESCAPED: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

const stripOnce = (html: string) =>
  sanitizeHtml(html, {
    allowedTags: [],
    allowedAttributes: {},
    // Their content is code or form state, never words of the document.
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'template'],
  }).replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ESCAPED[e]!);

/**
 * A feed's title or description as plain text: tags and scripts removed, entities decoded, spaces
 * collapsed. Repeated until nothing changes, so markup escaped twice ("&amp;lt;script&amp;gt;")
 * does not come back as a tag once decoded. The result is stored and shown as text.
 */
export function feedText(value: unknown, maxLength = 2000): string {
  let text = typeof value === 'string' ? value : '';
  for (let pass = 0; pass < 4; pass++) {
    const next = stripOnce(text);
    if (next === text) break;
    text = next;
  }
  text = text
    // eslint-disable-next-line no-control-regex -- control characters (and U+0000, which PostgreSQL refuses) are no text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > maxLength ? `${text.slice(0, maxLength - 1).replace(/\s+\S*$/, '')}…` : text;
}
