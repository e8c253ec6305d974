import { dictionary } from '../core/i18n.js';

export const strings = dictionary(
  {
    heading: 'Văn bản pháp luật mới',
    searchLabel: 'Tìm văn bản',
    searchPlaceholder: 'Ví dụ: đất đai, 91/2025/QH15',
    searchButton: 'Tìm',
    more: 'Xem thêm',
    loadingMore: 'Đang tải thêm…',
    empty: 'Chưa có văn bản nào.',
    emptySearch: 'Không tìm thấy văn bản nào cho “{q}”.',
    found: 'Đã tải {n} văn bản.',
    issued: 'Ban hành ngày',
    validity: 'Tình trạng',
    issuer: 'Cơ quan ban hành',
  },
  {
    heading: 'New legal documents',
    searchLabel: 'Search documents',
    searchPlaceholder: 'For example: land, 91/2025/QH15',
    searchButton: 'Search',
    more: 'Show more',
    loadingMore: 'Loading more…',
    empty: 'No documents yet.',
    emptySearch: 'No documents found for “{q}”.',
    found: '{n} documents loaded.',
    issued: 'Issued on',
    validity: 'Status',
    issuer: 'Issuer',
  },
);
