import type { CDPSession, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { EditorPanel } from './models/EditorPanel';

/**
 * What a Telex IME shows while a syllable is composed, key by key, and what it commits.
 * "Cửa" is typed C-u-w-a-r: the marks land on letters already on screen, which is exactly where
 * editors duplicate ("CCửa") or drop ("Cử") characters.
 */
const TELEX: Record<string, string[]> = {
  Cửa: ['C', 'Cu', 'Cư', 'Cưa', 'Cửa'],
  Lò: ['L', 'Lo', 'Lò'],
  thông: ['t', 'th', 'tho', 'thô', 'thôn', 'thông'],
  tin: ['t', 'ti', 'tin'],
  Nghệ: ['N', 'Ng', 'Ngh', 'Nghe', 'Nghê', 'Nghệ'],
  An: ['A', 'An'],
};
const PHRASE = 'Cửa Lò thông tin Nghệ An';

async function composeWord(cdp: CDPSession, word: string, commit: string = word, steps: Record<string, string[]> = TELEX): Promise<void> {
  for (const step of steps[word]!) {
    await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
  }
  await cdp.send('Input.insertText', { text: commit });
}

/** Types the phrase word by word with `typeWord`; spaces are typed as plain keys between words. */
async function typePhrase(page: Page, typeWord: (word: string) => Promise<void>): Promise<void> {
  const words = PHRASE.split(' ');
  for (const [index, word] of words.entries()) {
    await typeWord(word);
    if (index < words.length - 1) await page.keyboard.press('Space');
  }
}

/** Types the phrase through the Telex IME. */
async function composePhrase(page: Page, cdp: CDPSession, options: { decomposedCommit?: boolean } = {}): Promise<void> {
  await typePhrase(page, (word) => composeWord(cdp, word, options.decomposedCommit ? word.normalize('NFD') : word));
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

async function focusEnd(locator: Locator): Promise<void> {
  await locator.click();
  await locator.press('End');
}

test('Telex composition in the title and the body neither duplicates nor drops, and is stored NFC', async ({
  page,
  newsdesk,
  host,
}) => {
  const editor = new EditorPanel(page, host);
  const cdp = await page.context().newCDPSession(page);
  await newsdesk.createArticle();

  await focusEnd(newsdesk.title);
  await composePhrase(page, cdp);
  await expect(newsdesk.title).toHaveValue(PHRASE);

  await focusEnd(editor.body);
  await composePhrase(page, cdp);
  await page.keyboard.press('Enter');
  await composeWord(cdp, 'Cửa');
  await expect(editor.body.locator('p')).toHaveText([PHRASE, 'Cửa']);

  await editor.expectSaved();
  await editor.expectStored((article) => JSON.stringify(article.body).includes(PHRASE));
  const stored = await editor.stored();
  expect(stored.title).toBe(PHRASE);
  const body = JSON.stringify(stored.body);
  expect(body).toBe(body.normalize('NFC'));
  expect(occurrences(body, PHRASE)).toBe(1);
  for (const word of PHRASE.split(' ')) expect(occurrences(body, word)).toBe(word === 'Cửa' ? 2 : 1);
});

test('a decomposed commit (as some IMEs send) is stored precomposed, title and body alike', async ({ page, newsdesk, host }) => {
  const editor = new EditorPanel(page, host);
  const cdp = await page.context().newCDPSession(page);
  await newsdesk.createArticle();
  await focusEnd(newsdesk.title);
  await composePhrase(page, cdp, { decomposedCommit: true });
  await focusEnd(editor.body);
  await composePhrase(page, cdp, { decomposedCommit: true });

  await editor.expectStored((article) => JSON.stringify(article.body).includes(PHRASE) && article.title === PHRASE);
  const stored = JSON.stringify(await editor.stored());
  expect(stored).toBe(stored.normalize('NFC'));
  expect(stored).not.toContain('Nghệ'.normalize('NFD'));
  expect((await editor.body.innerText()).normalize('NFC')).toBe(PHRASE);
});

test('Telex composition in a figure caption and a tag', async ({ page, newsdesk, host }) => {
  const editor = new EditorPanel(page, host);
  const cdp = await page.context().newCDPSession(page);
  await newsdesk.createArticle();
  const { default: sharp } = await import('sharp');
  const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#888' } }).jpeg().toBuffer();
  await editor.body.click();
  await page.getByTestId('photo-file-input').setInputFiles({ name: 'a.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await page.getByTestId('figure-caption').click();
  await composePhrase(page, cdp);
  await expect(page.getByTestId('figure-caption')).toHaveValue(PHRASE);
  // The body did not receive the caption's keystrokes.
  expect(occurrences(await editor.body.innerText(), 'Cửa')).toBe(0);

  await page.getByTestId('tag-input').click();
  await composeWord(cdp, 'Nghệ');
  await page.keyboard.press('Space');
  await composeWord(cdp, 'An');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tag')).toHaveText(['Nghệ An×']);
  await editor.expectStored((a) => JSON.stringify(a.body).includes(`"caption":"${PHRASE}"`) && JSON.stringify(a.tags) === '["Nghệ An"]');
});

/**
 * VNI puts the marks with digits, often at the end of the syllable: "thong6" shows "thong" and
 * then rewrites a letter in its middle ("thông"); "Cua73" marks two letters back.
 */
const VNI: Record<string, string[]> = {
  Cửa: ['C', 'Cu', 'Cua', 'Cưa', 'Cửa'],
  Lò: ['L', 'Lo', 'Lò'],
  thông: ['t', 'th', 'tho', 'thon', 'thong', 'thông'],
  tin: ['t', 'ti', 'tin'],
  Nghệ: ['N', 'Ng', 'Ngh', 'Nghe', 'Nghê', 'Nghệ'],
  An: ['A', 'An'],
};

test('VNI composition, marks typed at the end of the syllable, in the title and the body', async ({ page, newsdesk, host }) => {
  const editor = new EditorPanel(page, host);
  const cdp = await page.context().newCDPSession(page);
  await newsdesk.createArticle();
  const compose = () => typePhrase(page, (word) => composeWord(cdp, word, word, VNI));
  await focusEnd(newsdesk.title);
  await compose();
  await expect(newsdesk.title).toHaveValue(PHRASE);
  await focusEnd(editor.body);
  await compose();
  await expect(editor.body.locator('p')).toHaveText([PHRASE]);
  await editor.expectStored((article) => article.title === PHRASE && JSON.stringify(article.body).includes(PHRASE));
});

/**
 * Unikey on Windows (and ibus-unikey without preedit) composes nothing: it erases what it typed with
 * Backspace and types the marked syllable again. "Cửa" by Telex keys C-u-w-a-r arrives as:
 * C, u, ⌫, ư, a, ⌫⌫, ửa.
 */
const UNIKEY: Record<string, (string | number)[]> = {
  Cửa: ['C', 'u', 1, 'ư', 'a', 2, 'ửa'],
  Lò: ['L', 'o', 1, 'ò'],
  thông: ['t', 'h', 'o', 1, 'ô', 'n', 'g'],
  tin: ['t', 'i', 'n'],
  Nghệ: ['N', 'g', 'h', 'e', 1, 'ê', 1, 'ệ'],
  An: ['A', 'n'],
};

test('the Unikey way (erase with Backspace, type the marked syllable again) neither duplicates nor drops', async ({
  page,
  newsdesk,
  host,
}) => {
  const editor = new EditorPanel(page, host);
  await newsdesk.createArticle();
  const type = () =>
    typePhrase(page, async (word) => {
      for (const step of UNIKEY[word]!) {
        if (typeof step === 'number') for (let i = 0; i < step; i += 1) await page.keyboard.press('Backspace');
        else await page.keyboard.type(step);
      }
    });
  await focusEnd(newsdesk.title);
  await type();
  await expect(newsdesk.title).toHaveValue(PHRASE);
  await focusEnd(editor.body);
  await type();
  await page.keyboard.press('Enter');
  await type();
  await expect(editor.body.locator('p')).toHaveText([PHRASE, PHRASE]);
  await editor.expectStored((article) => article.title === PHRASE && occurrences(JSON.stringify(article.body), PHRASE) === 2);
  const stored = JSON.stringify(await editor.stored());
  expect(stored).toBe(stored.normalize('NFC'));
});
