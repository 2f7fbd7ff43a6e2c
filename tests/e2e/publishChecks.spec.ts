import { expect, test } from './fixtures';
import { QueueModel } from './models/QueueModel';

test('a submit is refused on a missing lead; its jump puts the caret in the lead field; a missing category is a warning; with a lead it goes through', async ({
  newsdesk,
  page,
}) => {
  const queue = new QueueModel(page, newsdesk.host);
  await queue.setProfile('Thanh Bình', 'reporter');
  await queue.createComplete('Cửa Lò tham gia giao ban', { lead: '', category: '' });
  await queue.row('Cửa Lò tham gia giao ban').click();
  // The checklist already says so, and so does the refusal of the submit.
  const leadItem = page.locator('[data-testid="rule-item"][data-code="LEAD_MISSING"]');
  await expect(leadItem.getByTestId('rule-issue')).toHaveText('Thiếu sapo');
  await expect(page.locator('[data-testid="rule-item"][data-code="CATEGORY_MISSING"]').getByTestId('rule-issue')).toHaveText('Chưa chọn chuyên mục');

  await queue.transition('submit').click();
  const problem = page.getByTestId('lifecycle-problem');
  await expect(problem).toContainText('Bài chưa đủ để gửi duyệt:');
  // Only what blocks is listed: the category is a warning.
  await expect(problem.getByTestId('problem-jump')).toHaveText(['Thiếu sapo']);
  await expect(queue.articleState).toHaveAttribute('data-state', 'draft');

  const lead = page.getByTestId('lead-input');
  await expect(lead).not.toBeFocused();
  await problem.getByTestId('problem-jump').click();
  await expect(lead).toBeFocused();
  // The checklist's own entries jump too (from anywhere: the title has the caret first).
  await page.getByTestId('title-input').focus();
  await page.locator('[data-testid="rule-item"][data-code="CATEGORY_MISSING"]').getByTestId('rule-issue').click();
  await expect(page.getByTestId('category-input')).toBeFocused();
  await page.getByTestId('title-input').focus();
  await leadItem.getByTestId('rule-issue').click();
  await expect(lead).toBeFocused();

  await page.keyboard.type('Sáng 2/12, thị xã Cửa Lò tham gia giao ban trực tuyến.');
  await expect(leadItem).toHaveCount(0);
  await queue.transition('submit').click();
  await expect(queue.articleState).toHaveAttribute('data-state', 'submitted');
  const stored = await queue.api('articles.get', { id: (await queue.api('articles.list', {}))[0]!.id });
  expect(stored).toMatchObject({ state: 'submitted', lead: 'Sáng 2/12, thị xã Cửa Lò tham gia giao ban trực tuyến.', category: '' });
});

test('an editor lets a warning stand with a reason, shown to everybody after a reload; reporters and blocking checks get no override', async ({
  newsdesk,
  page,
}) => {
  const queue = new QueueModel(page, newsdesk.host);
  // A notice: no photo, so no featured photo (a warning); no lead either (blocking).
  const article = await queue.createComplete('Lịch tiếp công dân tháng 12', { lead: '' });
  await queue.setProfile('Thanh Bình', 'reporter');
  await queue.row('Lịch tiếp công dân tháng 12').click();
  const featured = page.locator('[data-testid="rule-item"][data-code="FEATURED_MISSING"]');
  await expect(featured.getByTestId('rule-issue')).toHaveText('Chưa chọn ảnh đại diện');
  await expect(page.getByTestId('rule-override-open')).toHaveCount(0);
  // The service refuses a reporter who calls it directly, whatever the UI offers.
  await expect(queue.api('articles.overrideCheck', { id: article.id, rule: 'FEATURED_MISSING', target: '', reason: 'Tự cho qua' })).rejects.toThrow(
    /OVERRIDE_REFUSED.*not-editor/,
  );

  await queue.setProfile('Lê Biên Tập', 'editor');
  // Only warnings are offered: the missing lead must be written, not waved through.
  await expect(page.locator('[data-testid="rule-item"][data-code="LEAD_MISSING"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="rule-item"][data-code="LEAD_MISSING"]').getByTestId('rule-override-open')).toHaveCount(0);
  await featured.getByTestId('rule-override-open').click();
  const reason = featured.getByTestId('override-reason-input');
  await expect(reason).toBeFocused();
  await expect(featured.getByTestId('override-confirm')).toBeDisabled();
  await reason.fill('Bài thông báo lịch tiếp dân, không cần ảnh');
  await featured.getByTestId('override-confirm').click();
  await expect(featured.getByTestId('rule-override')).toHaveText('Bỏ qua: Bài thông báo lịch tiếp dân, không cần ảnh — Lê Biên Tập');
  await expect(featured).toHaveAttribute('data-overridden', 'true');
  await expect(page.getByTestId('rules')).toHaveAttribute('data-overridden', '1');
  await expect(featured.getByTestId('rule-override-open')).toHaveCount(0);

  // Stored on the article: after a reload, and as a reporter, it is still there, with who and why.
  await page.reload();
  await queue.setProfile('Thanh Bình', 'reporter');
  await queue.row('Lịch tiếp công dân tháng 12').click();
  await expect(page.locator('[data-testid="rule-item"][data-code="FEATURED_MISSING"]').getByTestId('rule-override')).toHaveText(
    'Bỏ qua: Bài thông báo lịch tiếp dân, không cần ảnh — Lê Biên Tập',
  );
  const stored = await queue.api('articles.get', { id: article.id });
  expect(stored.checkOverrides).toEqual([
    { rule: 'FEATURED_MISSING', target: '', reason: 'Bài thông báo lịch tiếp dân, không cần ảnh', by: 'Lê Biên Tập', at: expect.any(String) },
  ]);
  // In English too.
  await page.getByRole('combobox', { name: 'Ngôn ngữ' }).selectOption('en');
  await expect(page.locator('[data-testid="rule-item"][data-code="FEATURED_MISSING"]').getByTestId('rule-override')).toHaveText(
    'Let stand: Bài thông báo lịch tiếp dân, không cần ảnh — Lê Biên Tập',
  );
});
