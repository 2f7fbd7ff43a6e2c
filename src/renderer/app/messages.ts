import type { ErrorCode } from '../../shared/errors';

/** Vietnamese is the newsroom's language and the default; English mirrors every key. */
export const vi = {
  'app.title': 'Newsdesk',
  'app.language': 'Ngôn ngữ',
  'app.noToken':
    'Thiếu mã truy cập. Hãy mở đúng đường dẫn mà Newsdesk in ra khi khởi động (có phần #token=…).',
  'articles.heading': 'Bài viết',
  'articles.new': 'Bài mới',
  'articles.empty': 'Chưa có bài viết nào. Bấm “Bài mới” để bắt đầu.',
  'articles.untitled': '(Chưa có tiêu đề)',
  'articles.words': '{count} chữ',
  'articles.selectPrompt': 'Chọn một bài viết hoặc tạo bài mới.',
  'editor.title': 'Tiêu đề',
  'editor.titlePlaceholder': 'Tiêu đề bài viết',
  'editor.body': 'Nội dung',
  'editor.bodyPlaceholder': 'Viết nội dung bài…',
  'save.saved': 'Đã lưu',
  'save.saving': 'Đang lưu…',
  'save.dirty': 'Chưa lưu',
  'save.error': 'Chưa lưu được: {reason}. Nội dung vẫn còn, đang thử lại…',
  'save.conflict': 'Bài này vừa được sửa ở nơi khác. Nội dung của bạn vẫn còn; hãy tải lại để so sánh.',
  'state.draft': 'Nháp',
  'state.submitted': 'Đã gửi',
  'state.in_review': 'Đang duyệt',
  'state.returned': 'Trả lại',
  'state.approved': 'Đã duyệt',
  'state.scheduled': 'Hẹn giờ',
  'state.published': 'Đã đăng',
  'state.spiked': 'Đã huỷ',
  'error.VALIDATION': 'Dữ liệu không hợp lệ',
  'error.NOT_FOUND': 'Không tìm thấy bài viết',
  'error.CONFLICT': 'Xung đột phiên bản',
  'error.UNKNOWN_CHANNEL': 'Lệnh không được hỗ trợ',
  'error.UNAUTHORIZED': 'Không có quyền truy cập',
  'error.STORAGE_FULL': 'Ổ đĩa đã đầy',
  'error.STORAGE_READONLY': 'Thư mục dữ liệu chỉ đọc',
  'error.STORAGE_PERMISSION': 'Không có quyền ghi vào thư mục dữ liệu',
  'error.STORAGE_IO': 'Lỗi đọc/ghi dữ liệu',
  'error.INTERNAL': 'Lỗi nội bộ',
} as const;

export type MessageKey = keyof typeof vi;
export type Messages = Record<MessageKey, string>;

export const en: Messages = {
  'app.title': 'Newsdesk',
  'app.language': 'Language',
  'app.noToken': 'Missing access token. Open the exact link Newsdesk printed when it started (with its #token=… part).',
  'articles.heading': 'Articles',
  'articles.new': 'New article',
  'articles.empty': 'No articles yet. Press “New article” to start.',
  'articles.untitled': '(Untitled)',
  'articles.words': '{count} words',
  'articles.selectPrompt': 'Pick an article or create a new one.',
  'editor.title': 'Title',
  'editor.titlePlaceholder': 'Article title',
  'editor.body': 'Body',
  'editor.bodyPlaceholder': 'Write the article…',
  'save.saved': 'Saved',
  'save.saving': 'Saving…',
  'save.dirty': 'Unsaved changes',
  'save.error': 'Not saved yet: {reason}. Your text is kept; retrying…',
  'save.conflict': 'This article was changed elsewhere. Your text is kept; reload to compare.',
  'state.draft': 'Draft',
  'state.submitted': 'Submitted',
  'state.in_review': 'In review',
  'state.returned': 'Returned',
  'state.approved': 'Approved',
  'state.scheduled': 'Scheduled',
  'state.published': 'Published',
  'state.spiked': 'Spiked',
  'error.VALIDATION': 'Invalid data',
  'error.NOT_FOUND': 'Article not found',
  'error.CONFLICT': 'Version conflict',
  'error.UNKNOWN_CHANNEL': 'Unsupported command',
  'error.UNAUTHORIZED': 'Access denied',
  'error.STORAGE_FULL': 'The disk is full',
  'error.STORAGE_READONLY': 'The data folder is read-only',
  'error.STORAGE_PERMISSION': 'No permission to write the data folder',
  'error.STORAGE_IO': 'Could not read or write data',
  'error.INTERNAL': 'Internal error',
};

export const catalogs = { vi: vi as Messages, en } as const;
export type Locale = keyof typeof catalogs;

export function errorKey(code: ErrorCode): MessageKey {
  return `error.${code}`;
}
