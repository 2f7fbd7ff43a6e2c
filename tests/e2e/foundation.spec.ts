import { expect, test } from './fixtures';

const SENTENCE = 'Cửa Lò tham gia giao ban trực tuyến về công tác thông tin truyền thông';

test('an article typed in Vietnamese survives a reload and a host restart, exactly and in NFC', async ({
  newsdesk,
  page,
}) => {
  await newsdesk.createArticle();
  await newsdesk.title.fill('Giao ban trực tuyến');
  await newsdesk.body.click();
  await page.keyboard.type(SENTENCE);
  // Autosave: "saving" then "saved" within a second of the last keystroke.
  await expect(newsdesk.saveStatus).toHaveAttribute('data-state', 'saved', { timeout: 1_500 });

  await page.reload();
  await newsdesk.openRow(0);
  await expect(newsdesk.body).toHaveText(SENTENCE);
  await expect(newsdesk.title).toHaveValue('Giao ban trực tuyến');

  await newsdesk.host.restart();
  await newsdesk.reopenAfterRestart();
  await newsdesk.openRow(0);
  const text = await newsdesk.body.innerText();
  expect(text).toBe(SENTENCE);
  expect(text).toBe(text.normalize('NFC'));
});

test('decomposed input is stored precomposed (NFC)', async ({ newsdesk, page, host }) => {
  await newsdesk.createArticle();
  await newsdesk.body.click();
  await page.keyboard.insertText('Nghệ An'.normalize('NFD'));
  await newsdesk.expectSaved();
  const response = await page.request.post(`${host.origin}/api/articles.list`, {
    headers: { 'x-newsdesk-token': host.token, 'content-type': 'application/json' },
    data: {},
  });
  const list = (await response.json()) as { value: { id: string }[] };
  const id = list.value[0]!.id;
  const article = await page.request.post(`${host.origin}/api/articles.get`, {
    headers: { 'x-newsdesk-token': host.token, 'content-type': 'application/json' },
    data: { id },
  });
  const stored = JSON.stringify(((await article.json()) as { value: unknown }).value);
  expect(stored).toContain('Nghệ An'.normalize('NFC'));
  expect(stored).not.toContain('Nghệ An'.normalize('NFD'));
});

test('the interface is Vietnamese by default and switches to English', async ({ newsdesk, page }) => {
  await expect(newsdesk.newArticleButton).toHaveText('Bài mới');
  await page.getByTestId('language').selectOption('en');
  await expect(newsdesk.newArticleButton).toHaveText('New article');
  await page.reload();
  await expect(newsdesk.newArticleButton).toHaveText('New article');
});

test('without its token the page says how to open it and no call succeeds', async ({ page, host }) => {
  await page.goto(`${host.origin}/`);
  await expect(page.getByRole('alert')).toContainText('#token=');
});
