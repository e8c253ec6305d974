/** Tags that sit inside a line of text: dropped without a space, so "<b>năm 2014</b>," stays "năm 2014,". */
const INLINE_TAG = /<\/?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong|sub|sup|time|u|var|wbr)\b[^>]*>/gi;

/** Plain text of staff-written answer HTML, for search and excerpts (never rendered). */
export function htmlToText(html: string): string {
  return (
    html
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      .replace(INLINE_TAG, '')
      // Paragraphs, list items, line breaks and the rest part words.
      .replace(/<[^>]+>/g, ' ')
      .replace(/&nbsp;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/\s+/g, ' ')
      .trim()
  );
}

export const EXCERPT_MAX = 220;

/** The start of an answer as plain text, cut at a word and marked with "…" when longer than EXCERPT_MAX. */
export function excerpt(html: string): string {
  const plain = htmlToText(html);
  return plain.length > EXCERPT_MAX ? `${plain.slice(0, EXCERPT_MAX - 3).replace(/\s+\S*$/, '')}…` : plain;
}
