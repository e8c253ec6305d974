import type { Lang, Validity } from '@pbgdpl/contract';

const VALIDITY_LABELS: Record<Validity, Record<Lang, string>> = {
  'con-hieu-luc': { vi: 'Còn hiệu lực', en: 'In force' },
  'het-hieu-luc-mot-phan': { vi: 'Hết hiệu lực một phần', en: 'Partly expired' },
  'het-hieu-luc-toan-bo': { vi: 'Hết hiệu lực toàn bộ', en: 'Expired' },
  'chua-co-hieu-luc': { vi: 'Chưa có hiệu lực', en: 'Not yet in force' },
  'ngung-hieu-luc': { vi: 'Ngưng hiệu lực', en: 'Suspended' },
};

export const validityLabel = (code: Validity, lang: Lang) => VALIDITY_LABELS[code][lang];
