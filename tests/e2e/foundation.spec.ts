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

test('opening a stored article does not save it: no write and no new revision until the writer edits', async ({ newsdesk, page, host }) => {
  const call = async (channel: string, data: unknown) => {
    const response = await page.request.post(`${host.origin}/api/${channel}`, {
      headers: { 'x-newsdesk-token': host.token, 'content-type': 'application/json' },
      data,
    });
    return ((await response.json()) as { value: { id: string; rev: number } }).value;
  };
  const text = (value: string) => ({ type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' });
  const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
    type,
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children,
    ...extra,
  });
  // Text, a list and a link: every node type some plugin registers a transform for.
  const body = {
    root: block('root', [
      block('paragraph', [text('Cửa Lò đón '), block('link', [text('khách')], { url: 'https://example.vn', rel: null, target: null, title: null })], {
        textFormat: 0,
        textStyle: '',
      }),
      block('list', [block('listitem', [text('Một')], { value: 1 }), block('listitem', [text('Hai')], { value: 2 })], {
        listType: 'bullet',
        start: 1,
        tag: 'ul',
      }),
    ]),
  };
  const created = await call('articles.create', { title: 'Bài có sẵn', body });
  await newsdesk.open();
  const saves: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/articles.save')) saves.push(request.postData() ?? '');
  });
  const states: string[] = [];
  await page.exposeFunction('__saveState', (state: string) => states.push(state));
  await newsdesk.rows.filter({ hasText: 'Bài có sẵn' }).click();
  await expect(newsdesk.body.locator('li')).toHaveCount(2);
  await page.evaluate(() => {
    const status = document.querySelector('[data-testid="save-status"]')!;
    new MutationObserver(() => void (window as unknown as { __saveState(s: string): void }).__saveState(status.getAttribute('data-state') ?? '')).observe(
      status,
      { attributes: true },
    );
  });
  // Well past the serialise pause and the autosave delay.
  await page.waitForTimeout(1_500);
  expect(saves).toEqual([]);
  expect(states).toEqual([]);
  await expect(newsdesk.saveStatus).toHaveAttribute('data-state', 'saved');
  expect((await call('articles.get', { id: created.id })).rev).toBe(created.rev);

  // An edit still saves (this test can fail the other way too).
  await newsdesk.body.locator('li').last().click();
  await page.keyboard.type(' ba');
  await expect.poll(() => saves.length).toBeGreaterThan(0);
  await newsdesk.expectSaved();
  expect((await call('articles.get', { id: created.id })).rev).toBeGreaterThan(created.rev);
});
