import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import type { ArticleSummary } from '../../src/shared/model/Article';
import { vi } from '../../src/renderer/app/messages';
import { buildQueueView, EMPTY_FILTER } from '../../src/renderer/queue/queueView';
import { chromiumLaunchOptions } from '../../tests/e2e/chromium';
import { median, row, type BenchResult } from '../BenchResult';
import { installFrameProbe, startFrames, stopFrames, summarizeFrames, type FrameRecord, type FrameSummary } from '../fixtures/frameProbe';
import { copyStore, generateStore, WORK_DIR } from '../fixtures/generateStore';
import { LaunchedServer } from '../fixtures/LaunchedServer';
import { plainListHtml, type PlainRow } from '../fixtures/plainListHtml';

/**
 * Scrolling the queue of the generated 10,000-article store in the web edition (dist/, so run
 * `npm run build` first), top to bottom, as a desk does it:
 *   - mouse wheel: steps of 100 px at 60 per second (CDP mouseWheel events, paced by the clock);
 *   - PageDown held (keyboard autorepeat, 30 per second) from the first row to the last;
 *   - ArrowDown held for a stretch of rows, then End.
 * Each pass records every requestAnimationFrame interval and every long task (PerformanceObserver
 * 'longtask') in the page.
 *
 * Peer, same browser, same run, passes interleaved in segments so both see the same machine load:
 * the same rows' text in a plain list with every row in the DOM (plainListHtml). It is the floor
 * for wheel scrolling: the browser scrolls it on the compositor with no script at all, while ours
 * re-renders a window of rows on scroll. For keys both run script per press (ours React, the peer
 * ten lines of DOM code).
 *
 * Budget: p95 frame interval ≤ 33.4 ms for every pass, i.e. at least 19 frames in 20 arrive
 * within two 60 Hz vsyncs: no worse than a steady 30 fps, which reads as smooth for a list; below
 * that, scrolling visibly judders. An absolute budget rather than a ratio to the peer: frame
 * intervals are quantised to vsyncs, so at 16.7 ms for both any ratio is 1.0 and says nothing, and
 * where the peer is slower (keys) a ratio would excuse us. The share of frames over 33 ms is
 * budgeted too (≤ 5%). The longest task is reported, not budgeted: on this shared 2-core machine it
 * is mostly preemption (the peer, running no script while wheel-scrolling, shows as long or longer
 * ones in the same run). Rows in the DOM at the end show the window stays a window (≤ 80).
 *
 * The host is left to finish its background start-up work (the search index build) first, so
 * the page is not competing with it for the two cores.
 */

const WHEEL_STEP_PX = 100;
const WHEEL_HZ = 60;
const KEY_HZ = 30;
const ARROW_PRESSES = Number(process.env.BENCH_QUEUE_ARROW_PRESSES ?? 600);
/** Wheel steps / key presses per segment before switching to the other side. */
const WHEEL_SEGMENT = 400;
const KEY_SEGMENT = 120;
const PAGE_ROWS = 10;
const ROW_HEIGHT = 56;
const P95_BUDGET_MS = 33.4;
const SLOW_SHARE_BUDGET = 0.05;
const DOM_ROWS_BUDGET = 80;
const PEER = 'plain list, every row in the DOM, same text (floor for wheel scrolling)';

interface Side {
  name: 'ours' | 'peer';
  page: Page;
  cdp: CDPSession;
  /** The scrolling element. */
  selector: string;
  records: Record<'wheel' | 'pageDown' | 'arrowDown', FrameRecord[]>;
  /** Rows in the DOM after each segment of the wheel pass. */
  wheelDomRows: number[];
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Sends `count` events at `hz`, each at its slot on the clock. Sent without waiting for the
 * previous one's acknowledgement (CDP keeps their order): on a loaded machine a round trip can
 * take longer than the slot, and waiting would quietly scroll slower than a user does.
 */
async function paced(count: number, hz: number, send: (i: number) => Promise<void>): Promise<void> {
  const started = performance.now();
  const sent: Promise<void>[] = [];
  for (let i = 0; i < count; i += 1) {
    const due = started + (i * 1000) / hz;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    sent.push(send(i));
  }
  await Promise.all(sent);
}

async function wheel(side: Side, steps: number): Promise<void> {
  const box = await side.page.locator(side.selector).boundingBox();
  if (!box) throw new Error(`queueScroll: ${side.name} list not visible`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await paced(steps, WHEEL_HZ, () =>
    side.cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x, y, deltaX: 0, deltaY: WHEEL_STEP_PX }).then(() => undefined),
  );
}

const KEY_CODES = { ArrowDown: 40, PageDown: 34, End: 35, Home: 36 } as const;
type Key = keyof typeof KEY_CODES;

/** A held key: one keyDown, autorepeat keyDowns at KEY_HZ, one keyUp. */
async function holdKey(side: Side, key: Key, presses: number): Promise<void> {
  const code = KEY_CODES[key];
  await paced(presses, KEY_HZ, (i) =>
    side.cdp
      .send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code: key, windowsVirtualKeyCode: code, autoRepeat: i > 0 })
      .then(() => undefined),
  );
  await side.cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code: key, windowsVirtualKeyCode: code });
}

async function scrollState(side: Side): Promise<{ top: number; max: number }> {
  return (await side.page.evaluate(
    `(() => { const e = document.querySelector(${JSON.stringify(side.selector)}); return { top: e.scrollTop, max: e.scrollHeight - e.clientHeight }; })()`,
  )) as { top: number; max: number };
}

async function setScrollTop(side: Side, top: number): Promise<void> {
  await side.page.evaluate(`document.querySelector(${JSON.stringify(side.selector)}).scrollTop = ${top}`);
  await side.page.waitForTimeout(100);
}

async function focusList(side: Side): Promise<void> {
  await side.page.evaluate(`document.querySelector(${JSON.stringify(side.selector)}).focus({ preventScroll: true })`);
}

/** Runs `pass` on each side in turn, `segments` times, recording each segment's frames. */
async function interleaved(sides: Side[], segments: number, key: keyof Side['records'], pass: (side: Side, segment: number) => Promise<void>) {
  const started = performance.now();
  for (let segment = 0; segment < segments; segment += 1) {
    for (const side of segment % 2 === 0 ? sides : [...sides].reverse()) {
      await side.page.bringToFront();
      await startFrames(side.page);
      await pass(side, segment);
      side.records[key].push(await stopFrames(side.page));
      if (key === 'wheel') side.wheelDomRows.push(await domRows(side));
    }
  }
  console.log(`queueScroll: ${key} pass, ${segments} segments per side, ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

async function domRows(side: Side): Promise<number> {
  return side.name === 'ours'
    ? side.page.getByTestId('article-row').count()
    : ((await side.page.evaluate('document.getElementById("list").children.length')) as number);
}

async function focusedIndex(side: Side): Promise<number> {
  return (await side.page.evaluate(
    side.name === 'ours'
      ? `(() => { const list = document.querySelector('[data-testid="queue-list"]'); const id = list.getAttribute('aria-activedescendant'); const row = id && document.getElementById(id); return row ? Number(row.dataset.index) : -1; })()`
      : `[...document.getElementById('list').children].findIndex((r) => r.classList.contains('focus'))`,
  )) as number;
}

function metaOf(summary: ArticleSummary): string {
  const parts: string[] = [vi[`state.${summary.state}`]];
  if (summary.byline) parts.push(summary.byline);
  if (summary.category) parts.push(summary.category);
  parts.push(vi['articles.words'].replace('{count}', String(summary.wordCount)));
  return parts.join(' · ');
}

export default async function queueScroll(): Promise<BenchResult[]> {
  const runDir = join(WORK_DIR, 'run-queueScroll');
  mkdirSync(runDir, { recursive: true });
  const fixture = await generateStore({ count: 10_000 });
  const dataDir = await copyStore(fixture.dataDir, join(runDir, 'data'));
  const server = await LaunchedServer.launch([resolve('dist/main/web/main.js'), '--data-dir', dataDir, '--port', '0']);
  const browser = await chromium.launch({ ...chromiumLaunchOptions(), headless: true });
  try {
    const appPage = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await appPage.goto(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    const list = appPage.getByTestId('queue-list');
    await appPage.getByTestId('article-row').first().waitFor();
    if (!(await server.waitUntilIdle(3, 120_000))) console.log('queueScroll: the host was still busy after 2 minutes; measuring anyway');
    const rowCount = Number(await list.getAttribute('data-rows'));

    // The peer's rows: the same summaries, filtered and sorted as the queue does by default.
    const summaries = (JSON.parse(await server.call('articles.list')) as { value: ArticleSummary[] }).value;
    const rows: PlainRow[] = buildQueueView(summaries, EMPTY_FILTER, 'updated').rows.map((s) => ({ title: s.title || vi['articles.untitled'], meta: metaOf(s) }));
    if (rows.length !== rowCount) throw new Error(`queueScroll: the queue shows ${rowCount} rows, the peer would have ${rows.length}`);
    const box = await list.boundingBox();
    if (!box) throw new Error('queueScroll: queue list not visible');
    const peerPage = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    await peerPage.setContent(plainListHtml(rows, { width: Math.round(box.width), height: Math.round(box.height), rowHeight: ROW_HEIGHT, pageRows: PAGE_ROWS }));

    const sides: Side[] = [];
    for (const [name, page, selector] of [
      ['ours', appPage, '[data-testid="queue-list"]'],
      ['peer', peerPage, '#list'],
    ] as const) {
      await installFrameProbe(page);
      sides.push({ name, page, selector, cdp: await page.context().newCDPSession(page), records: { wheel: [], pageDown: [], arrowDown: [] }, wheelDomRows: [] });
    }

    // Warm-up, untimed: first-use costs (JIT, glyph caches) are not what a desk feels after a second.
    for (const side of sides) {
      await side.page.bringToFront();
      await wheel(side, 60);
      await setScrollTop(side, 0);
    }

    // Wheel, top to bottom.
    const { max } = await scrollState(sides[0]!);
    const wheelSteps = Math.ceil(max / WHEEL_STEP_PX) + 20;
    await interleaved(sides, Math.ceil(wheelSteps / WHEEL_SEGMENT), 'wheel', (side) => wheel(side, WHEEL_SEGMENT));
    for (const side of sides) {
      const state = await scrollState(side);
      if (state.top < state.max - 1) throw new Error(`queueScroll: ${side.name} wheel pass stopped at ${state.top} of ${state.max}`);
    }

    // PageDown held, first row to last.
    for (const side of sides) {
      await side.page.bringToFront();
      await setScrollTop(side, 0);
      await focusList(side);
      await holdKey(side, 'Home', 1);
    }
    const pagePresses = Math.ceil(rowCount / PAGE_ROWS);
    await interleaved(sides, Math.ceil(pagePresses / KEY_SEGMENT), 'pageDown', (side) => holdKey(side, 'PageDown', KEY_SEGMENT));
    for (const side of sides) {
      const at = await focusedIndex(side);
      if (at !== rowCount - 1) throw new Error(`queueScroll: ${side.name} PageDown pass ended on row ${at} of ${rowCount}`);
    }

    // ArrowDown held for a stretch from the top, then End.
    for (const side of sides) {
      await side.page.bringToFront();
      await holdKey(side, 'Home', 1);
    }
    await interleaved(sides, Math.ceil(ARROW_PRESSES / KEY_SEGMENT), 'arrowDown', async (side, segment) => {
      await holdKey(side, 'ArrowDown', KEY_SEGMENT);
      if (segment === Math.ceil(ARROW_PRESSES / KEY_SEGMENT) - 1) {
        await holdKey(side, 'End', 1);
        await side.page.waitForTimeout(300);
      }
    });
    for (const side of sides) {
      const at = await focusedIndex(side);
      if (at !== rowCount - 1) throw new Error(`queueScroll: ${side.name} End left the cursor on row ${at} of ${rowCount}`);
    }
    const endDomRows = await Promise.all(sides.map(domRows));

    const results: BenchResult[] = [];
    const passes = [
      ['wheel', `wheel ${WHEEL_STEP_PX} px × ${WHEEL_HZ}/s, top to bottom`],
      ['pageDown', `PageDown held (${KEY_HZ}/s), first row to last`],
      ['arrowDown', `ArrowDown held (${KEY_HZ}/s) ${ARROW_PRESSES} rows, then End`],
    ] as const;
    // Each segment is a run (the sides take turns segment by segment): the budgets read the median
    // of the segments' p95 and slow share; the pooled figures are reported beside them.
    for (const [key, label] of passes) {
      const [ours, peer] = sides.map((side) => summarizeFrames(side.records[key])) as [FrameSummary, FrameSummary];
      const [oursSegments, peerSegments] = sides.map((side) => side.records[key].map((record) => summarizeFrames([record])));
      const segments = Math.min(oursSegments!.length, peerSegments!.length);
      const medianOf = (summaries: FrameSummary[], field: 'p95' | 'slowShare') => median(summaries.map((x) => x[field]));
      const name = `queue ${rowCount} rows, ${label}`;
      const note = `${segments} segments per side, alternating; segment p95s, ours: ${oursSegments!.map((x) => x.p95).join(', ')} ms; peer: ${peerSegments!.map((x) => x.p95).join(', ')} ms.`;
      results.push(
        row({ name: `${name}: frame interval p50, pooled (${ours.frames} frames)`, unit: 'ms', value: ours.p50, peer: PEER, peerValue: peer.p50, budget: null, runs: segments }),
        row({ name: `${name}: frame interval p95, median of ${segments} segments`, unit: 'ms', value: medianOf(oursSegments!, 'p95'), peer: PEER, peerValue: medianOf(peerSegments!, 'p95'), budget: P95_BUDGET_MS, runs: segments, note }),
        row({ name: `${name}: frame interval p95, pooled`, unit: 'ms', value: ours.p95, peer: PEER, peerValue: peer.p95, budget: null, runs: segments }),
        row({ name: `${name}: frame interval max`, unit: 'ms', value: ours.max, peer: PEER, peerValue: peer.max, budget: null, runs: segments }),
        row({ name: `${name}: share of frames over 33 ms, median of ${segments} segments`, unit: 'share', value: medianOf(oursSegments!, 'slowShare'), peer: PEER, peerValue: medianOf(peerSegments!, 'slowShare'), budget: SLOW_SHARE_BUDGET, runs: segments }),
        row({ name: `${name}: share of frames over 33 ms, pooled`, unit: 'share', value: ours.slowShare, peer: PEER, peerValue: peer.slowShare, budget: null, runs: segments }),
        row({ name: `${name}: longest task`, unit: 'ms', value: ours.longestTask, peer: PEER, peerValue: peer.longestTask, budget: null, runs: segments }),
      );
    }
    // A count, not a timing: the budget reads the largest of the counts after every wheel segment
    // (stricter than their median) and the one after End.
    const [oursWheelRows, peerWheelRows] = sides.map((side) => side.wheelDomRows) as [number[], number[]];
    results.push(
      row({ name: `queue ${rowCount} rows: rows in the DOM during the wheel pass, max of ${oursWheelRows.length} segments`, unit: 'rows', value: Math.max(...oursWheelRows), peer: PEER, peerValue: Math.max(...peerWheelRows), budget: DOM_ROWS_BUDGET, runs: oursWheelRows.length }),
      row({ name: `queue ${rowCount} rows: rows in the DOM after End`, unit: 'rows', value: endDomRows[0]!, peer: PEER, peerValue: endDomRows[1]!, budget: null, runs: 1 }),
    );
    return results;
  } finally {
    await browser.close();
    await server.stop();
  }
}
