import { median, percentile, row, type BenchResult } from '../BenchResult';
import { barePageHtml, BIG_FIGURES, BIG_WORDS, openApp, setUpEditorBench } from '../fixtures/editorBench';
import { installProbe, takeSamples, typeKeys, type KeystrokeSample } from '../fixtures/keystrokeProbe';

const KEYSTROKES = Number(process.env.BENCH_EDITOR_KEYSTROKES ?? 240);
const BLOCK = 20;
const P95_BUDGET_MS = 8;

/**
 * Typing in the middle of a 10,000-word article with 40 photos, in headless Chromium, against the
 * floor: a bare contenteditable holding the same text, measured in the same run, blocks of key
 * presses interleaved so both see the same machine load.
 */
export default async function editorKeystroke(): Promise<BenchResult[]> {
  const setup = await setUpEditorBench();
  try {
    const editorPage = await openApp(setup.browser, setup.host);
    await editorPage.getByTestId('article-row').filter({ hasText: 'Bài dài' }).click();
    const body = editorPage.getByTestId('body-editor');
    await body.locator('figure').first().waitFor();
    const paragraphs = body.locator(':scope > p');
    const middle = paragraphs.nth(Math.floor((await paragraphs.count()) / 2));
    await middle.scrollIntoViewIfNeeded();
    await middle.click();
    await installProbe(editorPage, '[data-testid="body-editor"]');

    const barePage = await setup.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await barePage.setContent(barePageHtml(setup.blocks));
    const bare = barePage.locator('#bare');
    const bareParagraphs = bare.locator(':scope > p');
    const bareMiddle = bareParagraphs.nth(Math.floor((await bareParagraphs.count()) / 2));
    await bareMiddle.scrollIntoViewIfNeeded();
    await bareMiddle.click();
    await installProbe(barePage, '#bare');

    const editorCdp = await editorPage.context().newCDPSession(editorPage);
    const bareCdp = await barePage.context().newCDPSession(barePage);
    const ours: KeystrokeSample[] = [];
    const floor: KeystrokeSample[] = [];
    // Warm-up: JIT and first-use costs are not what a writer feels after the first second.
    await editorPage.bringToFront();
    await typeKeys(editorCdp, 20, 0);
    await barePage.bringToFront();
    await typeKeys(bareCdp, 20, 0);
    await takeSamples(editorPage);
    await takeSamples(barePage);
    for (let typed = 0; typed < KEYSTROKES; typed += BLOCK) {
      await editorPage.bringToFront();
      await typeKeys(editorCdp, BLOCK, typed);
      await editorPage.waitForTimeout(100);
      ours.push(...(await takeSamples(editorPage)));
      await barePage.bringToFront();
      await typeKeys(bareCdp, BLOCK, typed);
      await barePage.waitForTimeout(100);
      floor.push(...(await takeSamples(barePage)));
    }
    const typedText = await body.innerText();
    if (!typedText.includes('tin tuc moi')) throw new Error('editorKeystroke: the typed text did not reach the editor');
    if (ours.length < KEYSTROKES * 0.9 || floor.length < KEYSTROKES * 0.9) {
      throw new Error(`editorKeystroke: too few samples (${ours.length} ours, ${floor.length} floor)`);
    }

    const work = (samples: KeystrokeSample[]) => samples.map((s) => s.work);
    const total = (samples: KeystrokeSample[]) => samples.map((s) => s.total);
    const peer = `bare contenteditable, same text (${BIG_WORDS} words, ${BIG_FIGURES} figure boxes)`;
    const round = (n: number) => Number(n.toFixed(2));
    const p95 = round(percentile(work(ours), 95));
    const p95Floor = round(percentile(work(floor), 95));
    const p50 = round(median(work(ours)));
    const p50Floor = round(median(work(floor)));
    return [
      row({ name: `editor keystroke work p50 (${ours.length} keys, 10k words + 40 photos)`, unit: 'ms', value: p50, peer, peerValue: p50Floor, budget: null }),
      row({ name: `editor keystroke work p95 (${ours.length} keys, 10k words + 40 photos)`, unit: 'ms', value: p95, peer, peerValue: p95Floor, budget: P95_BUDGET_MS }),
      row({
        name: 'editor keystroke to end of next frame p50, idle frame wait included (info)',
        unit: 'ms',
        value: round(median(total(ours))),
        peer,
        peerValue: round(median(total(floor))),
        budget: null,
      }),
      row({
        name: 'editor keystroke to end of next frame p95, idle frame wait included (info)',
        unit: 'ms',
        value: round(percentile(total(ours), 95)),
        peer,
        peerValue: round(percentile(total(floor), 95)),
        budget: null,
      }),
    ];
  } finally {
    await setup.close();
  }
}
