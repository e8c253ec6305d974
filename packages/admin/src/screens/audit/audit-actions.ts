import { lang } from '../../i18n.js';

/** Labels of the audit log's actions; an action written by a newer server shows as its code. */
const ACTIONS: Record<string, { vi: string; en: string }> = {
  'sign-in': { vi: 'Đăng nhập', en: 'Signed in' },
  'sign-in-failed': { vi: 'Đăng nhập sai', en: 'Failed sign-in' },
  'sign-in-locked': { vi: 'Đăng nhập khi đang bị khoá', en: 'Sign-in while locked' },
  'sign-out': { vi: 'Đăng xuất', en: 'Signed out' },
  'password-change': { vi: 'Đổi mật khẩu', en: 'Changed password' },
  'totp-start': { vi: 'Bắt đầu bật đăng nhập hai bước', en: 'Started two-step sign-in' },
  'totp-on': { vi: 'Bật đăng nhập hai bước', en: 'Turned two-step sign-in on' },
  'totp-off': { vi: 'Tắt đăng nhập hai bước', en: 'Turned two-step sign-in off' },
  invite: { vi: 'Mời cán bộ', en: 'Invited staff' },
  'invite-accept': { vi: 'Nhận lời mời', en: 'Accepted an invitation' },
  'staff-role': { vi: 'Đổi vai trò', en: 'Changed a role' },
  'staff-disable': { vi: 'Khoá tài khoản', en: 'Disabled an account' },
  'staff-enable': { vi: 'Mở khoá tài khoản', en: 'Enabled an account' },
  'create-token': { vi: 'Tạo khoá API', en: 'Created an API token' },
  'revoke-token': { vi: 'Thu hồi khoá API', en: 'Revoked an API token' },
  read: { vi: 'Xem dữ liệu cá nhân', en: 'Read personal data' },
  export: { vi: 'Xuất dữ liệu', en: 'Exported data' },
  classify: { vi: 'Phân loại câu hỏi', en: 'Classified a question' },
  answer: { vi: 'Trả lời câu hỏi', en: 'Answered a question' },
  reject: { vi: 'Từ chối câu hỏi', en: 'Rejected a question' },
  reply: { vi: 'Trả lời góp ý', en: 'Replied to feedback' },
  'put-settings': { vi: 'Đổi thiết lập', en: 'Changed settings' },
  'register-site': { vi: 'Đăng ký trang', en: 'Registered a site' },
  'put-site': { vi: 'Sửa thông tin trang', en: 'Changed a site' },
  'set-satisfaction-target': { vi: 'Đặt chỉ tiêu hài lòng', en: 'Set the satisfaction target' },
};

export const auditActionLabel = (code: string) => ACTIONS[code]?.[lang()] ?? code;
