import { ATTACHMENT_TYPES, foldVietnamese } from '@pbgdpl/contract';
import { zipEntries } from './zip-entries.js';

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
const DOCX: AttachmentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * What the bytes are, whatever the name or Content-Type claims: a PDF starts with "%PDF-"; a DOCX
 * is a ZIP whose directory lists [Content_Types].xml and word/document.xml. Null for anything else.
 */
export function sniffAttachment(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, '%PDF-')) return 'application/pdf';
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    const names = zipEntries(bytes);
    if (names.has('[Content_Types].xml') && names.has('word/document.xml')) return DOCX;
  }
  return null;
}

const startsWith = (bytes: Uint8Array, text: string) => bytes.length >= text.length && [...text].every((ch, i) => bytes[i] === ch.charCodeAt(0));

export type NamedFile = { ok: true; name: string } | { ok: false; message: string };

/**
 * The name a file is served under: the last segment of what the browser or curl sent (no folder,
 * "..", or control characters survive), NFC, at most 150 characters, ending in the extension of
 * its real type (added when it has none; a name claiming the other type is refused).
 */
export function attachmentName(sent: string, type: AttachmentType): NamedFile {
  const extension = ATTACHMENT_TYPES[type];
  const base =
    (sent.split(/[/\\]/).pop() ?? '')
      .normalize('NFC')
      .replace(/[\p{Cc}\p{Cf}]/gu, '')
      .replace(/^[\s.]+|\s+$/g, '') || 'tep-dinh-kem';
  const dot = base.lastIndexOf('.');
  const ending = dot > 0 ? base.slice(dot).toLowerCase() : '';
  if (ending !== extension && Object.values(ATTACHMENT_TYPES).includes(ending as never)) {
    return { ok: false, message: `the file's content is ${type === 'application/pdf' ? 'PDF' : 'DOCX'} but its name ends in ${ending}` };
  }
  const stem = ending === extension ? base.slice(0, dot) : base;
  return { ok: true, name: `${[...stem].slice(0, 150 - extension.length).join('')}${extension}` };
}

/** RFC 6266: an ASCII fallback for old clients and the real name, UTF-8 and percent-encoded (RFC 8187). */
export function contentDisposition(name: string): string {
  const ascii = foldVietnamese(name).replace(/[^A-Za-z0-9._ -]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
