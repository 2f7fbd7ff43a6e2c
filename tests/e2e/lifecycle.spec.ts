import { expect, test } from './fixtures';
import { QueueModel } from './models/QueueModel';

test('submit → take into review → return with a note → resubmit → approve, switching roles in the profile', async ({
  newsdesk,
  page,
}) => {
  const queue = new QueueModel(page, newsdesk.host);
  await queue.setProfile('Thanh Bình', 'reporter');
  await queue.createComplete('Chợ phiên Bến Lành');
  await queue.row('Chợ phiên Bến Lành').click();
  await expect(queue.articleState).toHaveAttribute('data-state', 'draft');
  // A reporter is offered only a writer's moves.
  await expect(queue.transition('take')).toHaveCount(0);

  await queue.transition('submit').click();
  await expect(queue.articleState).toHaveAttribute('data-state', 'submitted');
  await queue.expectCount('submitted', 1);

  await queue.setProfile('Thanh Bình', 'editor');
  await queue.transition('take').click();
  await expect(queue.articleState).toHaveAttribute('data-state', 'in_review');

  await queue.transition('return').click();
  const note = 'Thiếu ý kiến của bà con tiểu thương; bổ sung giúp.';
  await page.getByTestId('return-note-input').fill(note);
  await page.getByTestId('return-confirm').click();
  await expect(queue.articleState).toHaveAttribute('data-state', 'returned');
  await expect(queue.returnNote).toContainText(note);
  await queue.expectCount('returned', 1);

  // The writer sees the note after a reload too: it is stored on the article.
  await queue.setProfile('Thanh Bình', 'reporter');
  await page.reload();
  await queue.row('Chợ phiên Bến Lành').click();
  await expect(queue.returnNote).toContainText(note);
  await expect(queue.transition('submit')).toHaveText('Gửi lại');
  await queue.transition('submit').click();
  await expect(queue.articleState).toHaveAttribute('data-state', 'submitted');

  await queue.setProfile('Thanh Bình', 'editor');
  await queue.transition('take').click();
  await queue.transition('approve').click();
  await expect(queue.articleState).toHaveAttribute('data-state', 'approved');
  await expect(queue.returnNote).toHaveCount(0);
  await queue.expectCount('approved', 1);
  await queue.expectCount('returned', 0);
});

test('an incomplete article cannot be submitted, and the bar says what is missing', async ({ newsdesk, page }) => {
  const queue = new QueueModel(page, newsdesk.host);
  await queue.api('articles.create', { title: 'Chỉ có tiêu đề' });
  await queue.row('Chỉ có tiêu đề').click();
  await queue.transition('submit').click();
  const problem = page.getByTestId('lifecycle-problem');
  await expect(problem).toContainText('Thiếu sapo');
  await expect(problem).toContainText('Thiếu tên tác giả');
  await expect(queue.articleState).toHaveAttribute('data-state', 'draft');
});

test('a reporter cannot move someone else’s article, even by calling the host directly', async ({ newsdesk, page }) => {
  const queue = new QueueModel(page, newsdesk.host);
  await queue.api('profile.set', { name: 'Người Khác', role: 'editor' });
  const article = await queue.createComplete('Bài của người khác');
  await queue.api('profile.set', { name: 'Thanh Bình', role: 'reporter' });
  await expect(queue.api('articles.transition', { id: article.id, to: 'submitted' })).rejects.toThrow(/INVALID_TRANSITION/);
  await queue.row('Bài của người khác').click();
  await expect(queue.articleState).toHaveAttribute('data-state', 'draft');
  await expect(page.getByTestId('lifecycle-bar').getByRole('button')).toHaveCount(0);
});
