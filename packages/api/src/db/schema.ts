/** Tables as kysely sees them. Dates are ISO text and flags are 0/1 on both engines, so one query fits both. */
export interface DocTypeTable {
  code: string;
  name_vi: string;
  name_en: string;
  normative: number;
  position: number;
}

export interface FieldTable {
  code: string;
  name_vi: string;
  name_en: string;
  position: number;
}

export interface IssuerTable {
  code: string;
  name_vi: string;
  name_en: string;
  position: number;
}

export interface LawTable {
  id: string;
  number: string;
  type_code: string;
  issuer_code: string;
  signer_name: string | null;
  signer_title: string | null;
  issued_on: string;
  effective_on: string | null;
  expires_on: string | null;
  validity: string;
  abstract: string;
  url: string;
  /** foldVietnamese() of everything a citizen may type to find the document. */
  search_text: string;
  updated_at: string;
}

export interface LawFieldTable {
  law_id: string;
  field_code: string;
}

export interface LawRelationTable {
  law_id: string;
  position: number;
  kind: string;
  target_number: string;
}

export interface Tables {
  doc_types: DocTypeTable;
  fields: FieldTable;
  issuers: IssuerTable;
  laws: LawTable;
  law_fields: LawFieldTable;
  law_relations: LawRelationTable;
}
