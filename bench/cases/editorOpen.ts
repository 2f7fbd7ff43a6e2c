import type { Page } from '@playwright/test';
import { median, percentile, row, type BenchResult } from '../BenchResult';
import { BIG_FIGURES, BIG_WORDS, openApp, setUpEditorBench } from '../fixtures/editorBench';

const RUNS = Number(process.env.BENCH_EDITOR_OPEN_RUNS ?? 9);
const BUDGET_MS = 200;
const PEER = 'bare contenteditable: same article via the same API, set as HTML';

/**
 * In-page timers, as strings: the bench runs through tsx, whose helpers do not exist in the page.
 * "Editable with content rendered": the body is contenteditable, holds the article's last words,
 * and the frame that shows it has finished its work.
 */
const TIMERS = `
window.__frameDone = () => new Promise((resolve) => requestAnimationFrame(() => {
  const channel = new MessageChannel();
  channel.port1.onmessage = resolve;
  channel.port2.postMessage(0);
}));
window.__until = (ready) => new Promise((resolve) => {
  const check = () => (ready() ? resolve() : requestAnimationFrame(check));
  check();
});
window.__openOurs = async (title, lastText) => {
  const row = [...document.querySelectorAll('[data-testid="article-row"]')].find((r) => r.textContent.includes(title));
  const t0 = performance.now();
  row.click();
  await window.__until(() => {
    const body = document.querySelector('[data-testid="body-editor"]');
    return body && body.isContentEditable && body.textContent.includes(lastText);
  });
  await window.__frameDone();
  return performance.now() - t0;
};
window.__openBare = async (id, lastText) => {
  const t0 = performance.now();
  const response = await fetch('/api/articles.get', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-newsdesk-token': sessionStorage.getItem('newsdesk.token') },
    body: JSON.stringify({ id }),
  });
  const article = (await response.json()).value;
  const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const html = article.body.root.children.map((node) => node.type === 'figure'
    ? '<figure contenteditable="false"><div style="height:240px"></div><figcaption>' + escape(node.caption) + '</figcaption></figure>'
    : '<p>' + escape((node.children || []).map((c) => c.text || '').join('')) + '</p>').join('');
  const bare = document.createElement('div');
  bare.id = 'bare-peer';
  bare.contentEditable = 'true';
  bare.style.cssText = 'position:fixed;inset:0;overflow:auto;background:#fff;z-index:100;padding:16px 32px;font-size:17px;line-height:1.6';
  bare.innerHTML = html;
  document.body.append(bare);
  await window.__until(() => bare.isContentEditable && bare.textContent.includes(lastText));
  await window.__frameDone();
  const elapsed = performance.now() - t0;
  bare.remove();
  return elapsed;
};
`;

async function timed(page: Page, expression: string): Promise<number> {
  return (await page.evaluate(expression)) as number;
}

/**
 * Selecting a stored 10,000-word article with 40 photos → its editor editable with the text
 * rendered, against a bare contenteditable fed the same article through the same API in the same
 * page. Each run first opens a short article, so the long one is mounted from scratch.
 */
export default async function editorOpen(): Promise<BenchResult[]> {
  const setup = await setUpEditorBench();
  try {
    const page = await openApp(setup.browser, setup.host);
    await page.evaluate(TIMERS);
    const lastText = setup.blocks.filter((b): b is string => b !== null).at(-1)!.slice(-40);
    const args = (title: string) => `${JSON.stringify(title)}, ${JSON.stringify(lastText)}`;
    const ours: number[] = [];
    const peer: number[] = [];
    // Run 0 warms up (code paths, the HTTP connection) and is not counted.
    for (let run = 0; run <= RUNS; run += 1) {
      await page.getByTestId('article-row').filter({ hasText: 'Bài ngắn' }).click();
      await page.getByTestId('body-editor').filter({ hasText: 'Ngắn.' }).waitFor();
      await page.waitForTimeout(200);
      const oursMs = await timed(page, `window.__openOurs(${args('Bài dài')})`);
      await page.waitForTimeout(200);
      const peerMs = await timed(page, `window.__openBare(${JSON.stringify(setup.bigId)}, ${JSON.stringify(lastText)})`);
      if (run > 0) {
        ours.push(Number(oursMs.toFixed(1)));
        peer.push(Number(peerMs.toFixed(1)));
      }
    }
    const name = `open ${BIG_WORDS}-word article with ${BIG_FIGURES} photos to editable (${RUNS} runs)`;
    return [
      row({ name: `${name}, median`, unit: 'ms', value: median(ours), peer: PEER, peerValue: median(peer), budget: BUDGET_MS, runs: RUNS }),
      row({ name: `${name}, p95`, unit: 'ms', value: percentile(ours, 95), peer: PEER, peerValue: percentile(peer, 95), budget: BUDGET_MS, runs: RUNS }),
    ];
  } finally {
    await setup.close();
  }
}
