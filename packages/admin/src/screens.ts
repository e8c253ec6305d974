import type { Role } from '@pbgdpl/contract';
import type { Both } from './i18n.js';

/**
 * Every screen of the console: its route, its element (loaded when first shown, so signing in
 * loads only the shell), who may open it, and where it sits in the menu.
 * A screen element receives `params` (from the route's :names) and `query` (URLSearchParams).
 */
export interface ScreenDef {
  pattern: string;
  tag: string;
  load: () => Promise<unknown>;
  title: Both;
  /** The lowest role that may open it; `public` screens need no session at all. */
  role: Role | 'public';
  /** Shown in the menu under this group. */
  menu?: 'content' | 'citizens' | 'sites' | 'administration';
}

export const screens: ScreenDef[] = [
  {
    pattern: 'questions',
    tag: 'pa-questions',
    load: () => import('./screens/questions/questions-screen.js'),
    title: { vi: 'Hỏi đáp pháp luật', en: 'Legal Q&A' },
    role: 'editor',
    menu: 'citizens',
  },
  {
    pattern: 'questions/:id',
    tag: 'pa-question',
    load: () => import('./screens/questions/question-screen.js'),
    title: { vi: 'Câu hỏi', en: 'Question' },
    role: 'editor',
  },
  {
    pattern: 'feedback',
    tag: 'pa-feedback',
    load: () => import('./screens/feedback/feedback-screen.js'),
    title: { vi: 'Góp ý, phản ánh', en: 'Feedback' },
    role: 'editor',
    menu: 'citizens',
  },
  {
    pattern: 'laws',
    tag: 'pa-laws',
    load: () => import('./screens/laws/laws-screen.js'),
    title: { vi: 'Văn bản pháp luật', en: 'Legal documents' },
    role: 'editor',
    menu: 'content',
  },
  {
    pattern: 'laws/new',
    tag: 'pa-law-editor',
    load: () => import('./screens/laws/law-editor.js'),
    title: { vi: 'Đăng văn bản mới', en: 'New document' },
    role: 'editor',
  },
  {
    pattern: 'laws/:id',
    tag: 'pa-law-editor',
    load: () => import('./screens/laws/law-editor.js'),
    title: { vi: 'Sửa văn bản', en: 'Edit document' },
    role: 'editor',
  },
  {
    pattern: 'imports',
    tag: 'pa-import',
    load: () => import('./screens/imports/import-screen.js'),
    title: { vi: 'Nhập từ tệp Excel', en: 'Import from a spreadsheet' },
    role: 'editor',
    menu: 'content',
  },
  {
    pattern: 'feeds',
    tag: 'pa-feeds',
    load: () => import('./screens/feeds/feeds-screen.js'),
    title: { vi: 'Nguồn tin tự động', en: 'Document feeds' },
    role: 'admin',
    menu: 'content',
  },
  {
    pattern: 'sites',
    tag: 'pa-sites',
    load: () => import('./screens/sites/sites-screen.js'),
    title: { vi: 'Trang thông tin điện tử', en: 'Websites' },
    role: 'editor',
    menu: 'sites',
  },
  {
    pattern: 'sites/new',
    tag: 'pa-site',
    load: () => import('./screens/sites/site-screen.js'),
    title: { vi: 'Đăng ký trang mới', en: 'Register a site' },
    role: 'admin',
  },
  {
    pattern: 'sites/:key',
    tag: 'pa-site',
    load: () => import('./screens/sites/site-screen.js'),
    title: { vi: 'Trang thông tin điện tử', en: 'Website' },
    role: 'editor',
  },
  {
    pattern: 'privacy',
    tag: 'pa-privacy',
    load: () => import('./screens/privacy/privacy-screen.js'),
    title: { vi: 'Dữ liệu cá nhân', en: 'Personal data' },
    role: 'admin',
    menu: 'administration',
  },
  {
    pattern: 'settings',
    tag: 'pa-settings',
    load: () => import('./screens/settings/settings-screen.js'),
    title: { vi: 'Cài đặt của tỉnh', en: "The province's settings" },
    role: 'admin',
    menu: 'administration',
  },
  {
    pattern: 'staff',
    tag: 'pa-staff',
    load: () => import('./screens/staff/staff-screen.js'),
    title: { vi: 'Cán bộ', en: 'Staff' },
    role: 'admin',
    menu: 'administration',
  },
  {
    pattern: 'tokens',
    tag: 'pa-tokens',
    load: () => import('./screens/tokens/tokens-screen.js'),
    title: { vi: 'Khoá truy cập API', en: 'API tokens' },
    role: 'admin',
    menu: 'administration',
  },
  {
    pattern: 'audit',
    tag: 'pa-audit',
    load: () => import('./screens/audit/audit-screen.js'),
    title: { vi: 'Nhật ký thao tác', en: 'Audit log' },
    role: 'admin',
    menu: 'administration',
  },
  {
    pattern: 'account',
    tag: 'pa-account',
    load: () => import('./screens/account/account-screen.js'),
    title: { vi: 'Tài khoản của tôi', en: 'My account' },
    role: 'editor',
  },
  {
    pattern: 'invite/:token',
    tag: 'pa-invite',
    load: () => import('./screens/invite/invite-screen.js'),
    title: { vi: 'Nhận lời mời', en: 'Accept an invitation' },
    role: 'public',
  },
];

/** Where the console opens after signing in. */
export const HOME = 'questions';
