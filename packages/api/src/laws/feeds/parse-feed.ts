import type { FeedErrorCode } from '@pbgdpl/contract';
import { extractFromJson, extractFromXml, type FeedEntry } from '@extractus/feed-extractor';
import { feedText } from './feed-text.js';

/** An entry of any of the three formats, as text. */
export interface FeedItem {
  title: string;
  /** Stripped to text, at most the 1000 characters an abstract may have. */
  description: string;
  /** http(s) only. */
  link: string | null;
  /** ISO time the portal posted it, when it says. */
  published: string | null;
}

export class FeedError extends Error {
  constructor(
    readonly code: FeedErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Entries a run reads at most; a portal's feed carries its latest 10–50. */
export const MAX_ITEMS = 500;

/**
 * RSS 2.0 (and RDF), Atom or JSON Feed, told apart by the first character: `{` is JSON. Titles and
 * descriptions come out as plain text (feed-extractor decodes entities; feedText removes any markup).
 */
export function parseFeed(text: string): FeedItem[] {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  let entries: FeedEntry[];
  try {
    // The library strips tags from descriptions but keeps what was inside <script>: the raw value is stripped here instead.
    const options = {
      descriptionMaxLen: 0,
      useISODateFormat: true,
      getExtraEntryFields: (e: Record<string, unknown>) => ({
        rawTitle: e.title,
        rawDescription: [e.description, e['content:encoded'], e.summary, e.content, e.content_text, e.content_html].find((v) => rawText(v)),
      }),
    };
    const feed = body.startsWith('{') ? extractFromJson(body, options) : extractFromXml(body, options);
    entries = feed.entries ?? [];
  } catch (error) {
    throw new FeedError('unreadable', `the feed cannot be read as RSS, Atom or JSON Feed: ${(error as Error).message}`.slice(0, 500));
  }
  if (!Array.isArray(entries)) throw new FeedError('unreadable', 'the feed cannot be read as RSS, Atom or JSON Feed: it lists no items');
  return entries.slice(0, MAX_ITEMS).map((e) => ({
    title: feedText(rawText(e.rawTitle) || e.title, 1000),
    description: feedText(rawText(e.rawDescription), 1000),
    // Shown to citizens as the full-text link: http(s) only, never javascript: or data:.
    link: typeof e.link === 'string' && /^https?:\/\//i.test(e.link) && e.link.length <= 2000 ? e.link : null,
    published: typeof e.published === 'string' && e.published ? e.published : null,
  }));
}

/** fast-xml-parser gives an element's text as a string, or as `#text` beside its attributes; repeated elements as an array. */
function rawText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return rawText(value[0]);
  if (value && typeof value === 'object' && '#text' in value) return rawText((value as Record<string, unknown>)['#text']);
  return '';
}
