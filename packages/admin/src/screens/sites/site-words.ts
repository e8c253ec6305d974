import type { Both } from '../../i18n.js';

/** Labels of the registry's fixed lists, in both languages (the domain glossary's terms). */
export const SITE_LEVELS: Record<string, Both> = {
  tinh: { vi: 'Cấp tỉnh', en: 'Provincial' },
  xa: { vi: 'Cấp xã', en: 'Commune' },
};

export const CONTACT_RULES: Record<string, Both> = {
  'email-or-phone': { vi: 'Thư điện tử hoặc số điện thoại', en: 'E-mail or phone' },
  'email-and-phone': { vi: 'Cả thư điện tử và số điện thoại', en: 'E-mail and phone' },
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  none: { vi: 'Không bắt buộc', en: 'Not required' },
};
