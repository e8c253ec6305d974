/**
 * The reference API's GET /api/v1/laws, answered in the browser from the real seed catalog
 * (packages/api/seed/catalog.json) for Storybook. It follows the API code step by step:
 * - ids, labels and full-text URLs as packages/api/src/db/seed.ts stores them,
 * - summaries as packages/api/src/laws/laws.queries.ts builds them (labels in the language asked
 *   for, fields in catalog order, the abstract as written),
 * - filters, folded search, keyset paging and its cursor (packages/api/src/laws/cursor.ts),
 * - 400 problems for a query the contract rejects or a code the catalog does not know.
 */
import catalogJson from '../../packages/api/seed/catalog.json' with { type: 'json' };
import { lawId } from '../../packages/api/src/laws/law-id.js';
import { validityLabel } from '../../packages/api/src/laws/labels.js';
import { LawQuery, foldVietnamese, type Lang, type LawPage, type LawSummary, type Problem, type Validity } from '../../packages/contract/src/index.js';

export interface Named {
  code: string;
  vi: string;
  en: string;
}

/** One document as packages/api/seed/catalog.json lists it. */
export interface CatalogLaw {
  number: string;
  type: string;
  issuer: string;
  signer: { name: string; title: string } | null;
  issued: string;
  effective: string | null;
  expires: string | null;
  validity: Validity;
  fields: string[];
  abstract: string;
  url?: string;
  relations?: { kind: string; number: string }[];
}

export interface Catalog {
  fields: Named[];
  types: (Named & { normative: boolean })[];
  issuers: Named[];
  laws: CatalogLaw[];
}

export const catalog = catalogJson as Catalog;

/** packages/api/src/db/seed.ts DEFAULT_FULLTEXT_URL (that module reads files, so it is not imported here). */
export const FULLTEXT_URL = 'https://vbpl.vn/pages/vbpq-timkiem.aspx?Keyword={number}';

const byCode = (list: Named[]) => new Map(list.map((x) => [x.code, x]));
const fields = byCode(catalog.fields);
const types = byCode(catalog.types);
const issuers = byCode(catalog.issuers);
const fieldPosition = new Map(catalog.fields.map((f, i) => [f.code, i]));

const label = (map: Map<string, Named>, code: string, lang: Lang) => map.get(code)?.[lang] ?? '';

/** dd/mm/yyyy, as Vietnamese documents print dates. */
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

interface Row {
  law: CatalogLaw;
  id: string;
  searchText: string;
}

/** What seed.ts writes for each document: the id and the folded text that search matches. */
function rows(laws: CatalogLaw[]): Row[] {
  return laws.map((law) => ({
    law,
    id: lawId(law.number, law.issued),
    searchText: foldVietnamese(
      [
        law.number,
        law.abstract,
        label(types, law.type, 'vi'),
        label(issuers, law.issuer, 'vi'),
        law.signer?.name ?? '',
        ...law.fields.map((f) => label(fields, f, 'vi')),
      ].join(' '),
    ),
  }));
}

/** laws.queries.ts toSummaries(). */
export function toSummary({ law, id }: Row, lang: Lang): LawSummary {
  return {
    id,
    number: law.number,
    type: { code: law.type, label: label(types, law.type, lang) },
    issuer: { code: law.issuer, label: label(issuers, law.issuer, lang) },
    issuedOn: law.issued,
    effectiveOn: law.effective,
    validity: { code: law.validity, label: validityLabel(law.validity, lang) },
    fields: law.fields
      .filter((code) => fields.has(code))
      .sort((a, b) => fieldPosition.get(a)! - fieldPosition.get(b)!)
      .map((code) => ({ code, label: label(fields, code, lang) })),
    abstract: law.abstract,
    url: law.url ?? FULLTEXT_URL.replace('{number}', encodeURIComponent(law.number)),
  };
}

/** laws.queries.ts searchTerms(). */
export const searchTerms = (q: string | undefined) =>
  q
    ? foldVietnamese(q)
        .split(/[\s,.;:!?"'()]+/)
        .filter(Boolean)
        .slice(0, 12)
    : [];

// cursor.ts, with the browser's base64 instead of Buffer (the text is ASCII: a date and an id).
const encodeCursor = (c: { issuedOn: string; id: string }) => btoa(`${c.issuedOn}~${c.id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
function decodeCursor(text: string) {
  let raw = '';
  try {
    raw = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const m = /^(\d{4}-\d{2}-\d{2})~([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(raw);
  return m ? { issuedOn: m[1]!, id: m[2]! } : null;
}

export interface Answer {
  status: number;
  body: LawPage | Problem;
}

const problem = (status: number, detail: string, errors?: Problem['errors']): Answer => ({
  status,
  body: {
    type: 'about:blank',
    title: status === 400 ? 'Bad request' : 'Internal server error',
    status,
    detail,
    ...(errors?.length ? { errors } : {}),
  },
});

export const serverError = () => problem(500, 'the database did not answer');

/** GET /api/v1/laws?… against `laws` (the seed catalog unless a story changes it). */
export function answerLawList(url: URL, laws: CatalogLaw[] = catalog.laws): Answer {
  const parsed = LawQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) {
    return problem(
      400,
      'the query is not valid',
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
    );
  }
  const f = parsed.data;
  const cursor = f.cursor ? decodeCursor(f.cursor) : undefined;
  if (cursor === null) {
    return problem(400, 'the query is not valid', [
      { path: 'cursor', code: 'invalid_cursor', message: 'cursor is malformed; pass back nextCursor as it came' },
    ]);
  }
  const unknown = (
    [
      ['field', fields, f.field],
      ['type', types, f.type],
      ['issuer', issuers, f.issuer],
    ] as const
  ).filter(([, map, value]) => value && !map.has(value));
  if (unknown.length) {
    return problem(
      400,
      'the query is not valid',
      unknown.map(([path, , value]) => ({ path, code: 'unknown_value', message: `unknown ${path} "${value}"; GET /api/v1/meta lists the known values` })),
    );
  }

  const terms = searchTerms(f.q);
  const matching = rows(laws)
    .filter(
      ({ law, searchText }) =>
        (!f.type || law.type === f.type) &&
        (!f.issuer || law.issuer === f.issuer) &&
        (!f.validity || law.validity === f.validity) &&
        (!f.from || law.issued >= f.from) &&
        (!f.to || law.issued <= f.to) &&
        (!f.field || law.fields.includes(f.field)) &&
        terms.every((t) => searchText.includes(t)) &&
        (!cursor || law.issued < cursor.issuedOn || (law.issued === cursor.issuedOn && lawIdLess(law, cursor.id))),
    )
    .sort((a, b) => (a.law.issued === b.law.issued ? cmp(b.id, a.id) : cmp(b.law.issued, a.law.issued)));

  const page = matching.slice(0, f.limit);
  const last = page.at(-1);
  const nextCursor = matching.length > f.limit && last ? encodeCursor({ issuedOn: last.law.issued, id: last.id }) : null;
  return { status: 200, body: { items: page.map((r) => toSummary(r, f.lang)), nextCursor } };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const lawIdLess = (law: CatalogLaw, id: string) => lawId(law.number, law.issued) < id;

/**
 * The documents whose full citation ("Luật số 43/2024/QH15 ngày 29/06/2024 của Quốc hội sửa đổi,
 * bổ sung …") runs to 200 characters or more, with that citation as the abstract: real catalog
 * data in the longest form a province's document list commonly prints.
 */
export function withCitationAbstracts(laws: CatalogLaw[], min = 200): CatalogLaw[] {
  return laws
    .map((law) => {
      const type = label(types, law.type, 'vi');
      const by = `số ${law.number} ngày ${vnDate(law.issued)} của ${label(issuers, law.issuer, 'vi')}`;
      const rest = law.abstract.startsWith(`${type} `) ? law.abstract.slice(type.length + 1) : null;
      // "Luật Bảo vệ dữ liệu cá nhân" is a name: the number follows it. "Ban hành Kế hoạch …" says what the document does.
      const abstract =
        rest !== null && /^\p{Lu}/u.test(rest)
          ? `${law.abstract} ${by}`
          : `${type} ${by} ${rest ?? law.abstract.charAt(0).toLocaleLowerCase('vi') + law.abstract.slice(1)}`;
      return { ...law, abstract };
    })
    .filter((law) => law.abstract.length >= min);
}

/** Options for the field, type, issuer and validity controls: '' (all) and every code in the catalog. */
export const choices = (list: Named[]) => ({
  options: ['', ...list.map((x) => x.code)],
  labels: Object.fromEntries([['', '(tất cả)'], ...list.map((x) => [x.code, `${x.vi} (${x.code})`])]),
});
