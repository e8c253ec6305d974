import sanitizeHtml from 'sanitize-html';

/**
 * Staff-written answer HTML made safe for a mail: the allow-list the qa-box uses on the page
 * (packages/widgets/src/core/sanitize.ts), links to http, https, mailto and tel only, opened apart.
 */
export function sanitizeAnswerHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'a', 'blockquote', 'h3', 'h4'],
    allowedAttributes: { a: ['href', 'title', 'target', 'rel'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel'],
    allowProtocolRelative: false,
    transformTags: { a: sanitizeHtml.simpleTransform('a', { target: '_blank', rel: 'noopener noreferrer' }) },
  });
}
