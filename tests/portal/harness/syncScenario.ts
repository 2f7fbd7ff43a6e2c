import { paragraphNode, textNode } from '../../../src/shared/content/serializedNodes';
import { syncKeyOf } from '../../../src/shared/content/syncMarker';
import type { Article } from '../../../src/shared/model/Article';
import { FAULT_KINDS, startFaultProxy, type FaultKind } from './FaultProxy';
import { bodyOf, blockTexts, paragraphs, photoFigure } from './newsroomFixtures';
import { startSyncClient, type SyncClient } from './syncClient';
import type { WordPress } from './startWordPress';

export interface SyncScenarioOptions {
  wp: WordPress;
  /** Local operations and syncs, all counted. */
  operations: number;
  /** Probability that a request through the proxy meets a fault. */
  faultRate: number;
  seed: number;
  log?: (line: string) => void;
  /** Photos added by the author (default true). */
  photos?: boolean;
}

export interface SyncScenarioResult {
  operations: number;
  /** Photos the author added (each must end up once in its article, here and on the portal). */
  photosAdded: number;
  requests: number;
  faults: Record<FaultKind, number>;
  /** Keys carried by more than one live post, and media keys by more than one attachment. */
  duplicatePosts: number;
  duplicateMedia: number;
  /** Edits (tokens) a laptop made that are missing locally or on the portal at the end. */
  lostEdits: string[];
  /** Articles whose two laptops or whose portal copy disagree at the end. */
  mismatches: string[];
  /** Outbox items still active (blocked or waiting) at the end. */
  leftInOutbox: number;
  recovered: { creates: number; uploads: number; duplicatesRemoved: number; merged: number; conflicts: number };
}

interface Tracked {
  /** The author's article id; the editor's copy is found by post id once pulled. */
  id: string;
  /** The last token written into paragraph 1 (by the author) and paragraph 3 (by the editor). */
  first: string;
  third: string;
  photos: number;
}

/**
 * The newsroom under a bad network: an author's laptop and an editor's laptop, each with the app's
 * real services, work on one WordPress through a fault proxy that drops, delays, answers 5xx or
 * an HTML page, trickles, and cuts answers after WordPress committed the write. The laptops are
 * offline while they work and online only while they sync, one at a time (as two laptops on a
 * train are). The author writes and edits paragraph 1 and adds photos; the editor edits paragraph
 * 3 and moves articles to publication; neither touches the other's paragraph, so every merge must
 * be clean and every edit must arrive. At the end, with the faults off, both sync until quiet and
 * the portal is compared with both laptops.
 */
export async function runSyncScenario(options: SyncScenarioOptions): Promise<SyncScenarioResult> {
  const { wp } = options;
  const log = options.log ?? (() => undefined);
  let state = options.seed >>> 0 || 1;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const kinds = FAULT_KINDS.filter((kind) => kind !== 'delay');
  const rates = Object.fromEntries(kinds.map((kind) => [kind, options.faultRate / kinds.length])) as Partial<Record<FaultKind, number>>;
  const proxy = await startFaultProxy({ upstream: wp.baseUrl, seed: options.seed, rewriteBodies: true, delayMs: 300, trickleBytes: 512, tricklePauseMs: 1 });
  const sync = { pushDelayMs: 60 * 60_000, retries: 3, minRetryMs: 10, maxRetryMs: 100, laterRetryMs: 20, pullIntervalMs: 0 };
  const author = await startSyncClient(wp, wp.users.author, { name: 'scenario-author', sync, timeoutMs: 4_000 });
  const editor = await startSyncClient(wp, wp.users.editor, { name: 'scenario-editor', sync, timeoutMs: 4_000 });
  const laptops = [author, editor];
  const tracked: Tracked[] = [];
  let token = 0;
  let photoSeed = 1_000;
  const next = (who: string) => `${who}-${(token += 1)}`;

  try {
    await author.signIn(proxy.url);
    await editor.signIn(proxy.url);
    for (const laptop of laptops) laptop.services.sync.setNetwork(false);
    proxy.setRates(rates);

    const syncOnce = async (laptop: SyncClient) => {
      laptop.services.sync.setNetwork(true);
      await laptop.services.sync.syncNow();
      laptop.services.sync.setNetwork(false);
      await laptop.services.sync.idle();
    };
    const editorCopy = (item: Tracked): string | undefined => {
      const postId = author.services.sync.articleSyncs().find((s) => s.articleId === item.id)?.receipt?.postId;
      return postId === undefined ? undefined : editor.services.sync.articleSyncs().find((s) => s.receipt?.postId === postId)?.articleId;
    };
    const setParagraph = async (laptop: SyncClient, id: string, index: number, text: string) => {
      const article = await laptop.services.articles.get(id);
      const children = [...article.body.root.children];
      let seen = -1;
      const at = children.findIndex((block) => (block as { type?: string }).type === 'paragraph' && ++seen === index);
      children[at] = paragraphNode([textNode(text)]);
      await laptop.services.articles.save(id, article.rev, { body: { ...article.body, root: { ...article.body.root, children } } });
    };

    for (let op = 0; op < options.operations; op += 1) {
      const roll = random();
      if (roll < 0.12 || tracked.length === 0) {
        const first = next('A');
        const third = 'Đoạn ba chưa sửa';
        const created = await author.services.articles.create({}, { createdBy: wp.users.author.login });
        const saved = await author.services.articles.save(created.id, created.rev, {
          title: `Tin số ${tracked.length + 1}: Cửa Lò ra quân làm sạch bãi biển`,
          lead: 'Sáng nay, hàng trăm đoàn viên thanh niên phường Nghi Thủy ra quân dọn rác ven biển.',
          byline: 'Trần Thị Lan',
          dateline: 'Cửa Lò',
          body: bodyOf(paragraphs(first, 'Đoạn hai: lực lượng ra quân gồm đoàn viên, hội viên phụ nữ.', third)),
        });
        await author.services.lifecycle.transition({ id: saved.id, to: 'submitted' });
        tracked.push({ id: saved.id, first, third, photos: 0 });
      } else if (roll < 0.4) {
        const item = pick(tracked);
        item.first = next('A');
        await setParagraph(author, item.id, 0, item.first);
      } else if (roll < 0.55) {
        const item = pick(tracked);
        const copy = editorCopy(item);
        if (copy) {
          item.third = next('B');
          await setParagraph(editor, copy, 2, item.third);
        }
      } else if (roll < 0.63 && options.photos !== false) {
        const item = pick(tracked);
        const article = await author.services.articles.get(item.id);
        photoSeed += 1;
        const figure = await photoFigure(author.services, photoSeed, `Đoàn viên thu gom rác tại bãi biển, ảnh ${photoSeed}`);
        await author.services.articles.save(item.id, article.rev, {
          body: { ...article.body, root: { ...article.body.root, children: [...article.body.root.children, figure] } },
        });
        item.photos += 1;
      } else if (roll < 0.72) {
        const item = pick(tracked);
        const copy = editorCopy(item);
        if (copy) {
          const current = await editor.services.articles.get(copy);
          const step: Partial<Record<Article['state'], Article['state']>> = { submitted: 'in_review', in_review: 'approved', approved: 'published' };
          const to = step[current.state];
          if (to) await editor.services.lifecycle.transition({ id: copy, to });
        }
      } else {
        await syncOnce(pick(laptops));
      }
      if (op % 50 === 49) log(`scenario: ${op + 1} operations, ${proxy.stats().requests} requests`);
    }

    // The network heals; both laptops sync in turn until a whole round finds nothing to do.
    proxy.setRates({});
    for (let round = 0; round < 8; round += 1) {
      for (const laptop of laptops) {
        laptop.services.sync.setNetwork(true);
        await laptop.settle(10);
      }
    }

    const result: SyncScenarioResult = {
      operations: options.operations,
      photosAdded: tracked.reduce((sum, item) => sum + item.photos, 0),
      requests: proxy.stats().requests,
      faults: proxy.stats().faults,
      duplicatePosts: 0,
      duplicateMedia: 0,
      lostEdits: [],
      mismatches: [],
      leftInOutbox: laptops.reduce((sum, laptop) => sum + laptop.services.sync.outbox().active.length, 0),
      recovered: {
        creates: author.services.sync.stats.recoveredCreates + editor.services.sync.stats.recoveredCreates,
        uploads: author.services.sync.stats.recoveredUploads + editor.services.sync.stats.recoveredUploads,
        duplicatesRemoved: author.services.sync.stats.duplicatesRemoved + editor.services.sync.stats.duplicatesRemoved,
        merged: author.services.sync.stats.merged + editor.services.sync.stats.merged,
        conflicts: author.services.sync.stats.conflicts + editor.services.sync.stats.conflicts,
      },
    };

    const posts = await everything(wp, '/wp/v2/posts', { status: 'draft,pending,future,publish,private' });
    const byKey = new Map<string, number>();
    for (const post of posts) {
      const key = syncKeyOf(post.content.raw);
      if (key) byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
    result.duplicatePosts = [...byKey.values()].filter((count) => count > 1).length;
    const media = await everything(wp, '/wp/v2/media', {});
    const mediaKeys = new Map<string, number>();
    for (const item of media) {
      const key = syncKeyOf(item.description.raw);
      if (key) mediaKeys.set(key, (mediaKeys.get(key) ?? 0) + 1);
    }
    result.duplicateMedia = [...mediaKeys.values()].filter((count) => count > 1).length;

    for (const item of tracked) {
      const local = await author.services.articles.get(item.id);
      const texts = blockTexts(local.body);
      const postId = author.services.sync.articleSyncs().find((s) => s.articleId === item.id)?.receipt?.postId;
      const post = posts.find((candidate) => candidate.id === postId);
      const copyId = editorCopy(item);
      const copy = copyId ? await editor.services.articles.get(copyId) : null;
      for (const text of [item.first, item.third]) {
        if (!texts.includes(text)) result.lostEdits.push(`${text} (author's laptop)`);
        if (!post?.content.raw.includes(text)) result.lostEdits.push(`${text} (portal)`);
        if (copy && !blockTexts(copy.body).includes(text)) result.lostEdits.push(`${text} (editor's laptop)`);
      }
      const figures = local.body.root.children.filter((block) => (block as { type?: string }).type === 'figure').length;
      if (figures !== item.photos) result.lostEdits.push(`${item.id}: ${item.photos} photos, ${figures} here`);
      const onPortal = (post?.content.raw.match(/wp-image-\d+/g) ?? []).length;
      if (post && onPortal !== item.photos) result.mismatches.push(`${item.id}: ${item.photos} photos, ${onPortal} on the portal, state ${post.status}`);
      if (!post) result.mismatches.push(`${item.id}: no post`);
      if (copy && JSON.stringify(blockTexts(copy.body)) !== JSON.stringify(texts)) {
        const copies = editor.services.sync.articleSyncs().filter((s) => s.receipt?.postId === postId).map((s) => s.articleId);
        result.mismatches.push(`${item.id}: the laptops differ: ${JSON.stringify(texts)} / ${JSON.stringify(blockTexts(copy.body))}; editor copies ${copies.length}`);
      }
      const copyStatus = copyId ? editor.services.sync.articleSyncs().find((s) => s.articleId === copyId)?.receipt?.status : undefined;
      const localStatus = author.services.sync.articleSyncs().find((s) => s.articleId === item.id)?.receipt?.status;
      if (post && (localStatus !== post.status || (copyId && copyStatus !== post.status))) {
        result.mismatches.push(`${item.id}: status ${post.status} on the portal, ${localStatus} / ${copyStatus} on the laptops`);
      }
    }
    return result;
  } finally {
    for (const laptop of laptops) await laptop.dispose();
    await proxy.close();
  }
}

interface Listed {
  id: number;
  status: string;
  content: { raw: string };
  description: { raw: string };
}

async function everything(wp: WordPress, route: string, query: Record<string, string>): Promise<Listed[]> {
  const out: Listed[] = [];
  for (let page = 1; ; page += 1) {
    const response = await wp.rest(wp.users.editor, 'GET', route, { query: { ...query, context: 'edit', per_page: 100, page } });
    if (response.status !== 200) break;
    const items = response.body as Listed[];
    out.push(...items);
    if (items.length < 100) break;
  }
  return out;
}
