import { STAFF_PROBLEMS } from '@pbgdpl/contract/constants';
import { ApiError, NetworkError } from '../../api.js';
import { messages, t } from '../../i18n.js';

const m = messages({
  vi: {
    badCredentials: 'Sai tên đăng nhập hoặc mật khẩu.',
    totpRequired: 'Nhập mã 6 chữ số trong ứng dụng xác thực.',
    totpInvalid: 'Mã xác thực không đúng hoặc đã dùng. Chờ mã mới rồi nhập lại.',
    locked: (seconds: number) => `Đăng nhập sai quá nhiều lần. Thử lại sau ${waitText(seconds, 'vi')}.`,
    sessionExpired: 'Phiên làm việc đã hết. Hãy đăng nhập lại.',
    csrf: 'Yêu cầu bị từ chối vì không đến từ trang quản trị. Tải lại trang rồi thử lại.',
    inviteExpired: 'Lời mời đã hết hạn. Hãy đề nghị quản trị viên gửi lời mời mới.',
    inviteUsed: 'Lời mời không tồn tại hoặc đã được sử dụng.',
    usernameTaken: 'Tên đăng nhập này đã có người dùng. Hãy chọn tên khác.',
    wrongPassword: 'Mật khẩu không đúng.',
    forbidden: 'Bạn không có quyền làm việc này.',
    selfChange: 'Không thể tự khoá hoặc tự hạ quyền tài khoản của mình.',
    offline: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    invalid: 'Thông tin chưa hợp lệ. Kiểm tra các ô được đánh dấu.',
    failed: 'Có lỗi xảy ra. Thử lại sau ít phút.',
  },
  en: {
    badCredentials: 'Wrong user name or password.',
    totpRequired: 'Enter the 6-digit code from your authenticator app.',
    totpInvalid: 'The code is wrong or was already used. Wait for a new code and enter it.',
    locked: (seconds: number) => `Too many failed sign-ins. Try again in ${waitText(seconds, 'en')}.`,
    sessionExpired: 'Your session ended. Sign in again.',
    csrf: 'The request was refused because it did not come from the console. Reload the page and try again.',
    inviteExpired: 'This invitation expired. Ask an administrator for a new one.',
    inviteUsed: 'This invitation does not exist or was already used.',
    usernameTaken: 'This user name is taken. Choose another.',
    wrongPassword: 'The password is wrong.',
    forbidden: 'You are not allowed to do this.',
    selfChange: 'You cannot disable or demote your own account.',
    offline: 'The server cannot be reached. Check the network and try again.',
    invalid: 'Some details are not valid. Check the marked fields.',
    failed: 'Something went wrong. Try again in a few minutes.',
  },
});

/** The same words for screens that need one directly (a taken user name, a used invite). */
export const staffWords = () => t(m);

function waitText(seconds: number, lang: 'vi' | 'en') {
  if (seconds < 60) return lang === 'vi' ? `${seconds} giây` : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return lang === 'vi' ? `${minutes} phút` : `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/**
 * What to tell staff about a failed request, in the console's language, chosen by the problem's
 * type and status: never the API's English detail.
 */
export function staffProblemText(error: unknown, retryAfter?: number): string {
  const text = t(m);
  if (error instanceof NetworkError) return text.offline;
  if (!(error instanceof ApiError)) return text.failed;
  switch (error.type) {
    case STAFF_PROBLEMS.badCredentials:
      return error.status === 422 ? text.wrongPassword : text.badCredentials;
    case STAFF_PROBLEMS.totpRequired:
      return text.totpRequired;
    case STAFF_PROBLEMS.totpInvalid:
      return text.totpInvalid;
    case STAFF_PROBLEMS.locked:
      return text.locked(retryAfter ?? 60);
    case STAFF_PROBLEMS.sessionExpired:
      return text.sessionExpired;
    case STAFF_PROBLEMS.csrf:
      return text.csrf;
    case STAFF_PROBLEMS.inviteExpired:
      return text.inviteExpired;
  }
  if (error.status === 400) return text.invalid;
  if (error.status === 403) return text.forbidden;
  return text.failed;
}
