// Child process of crashSafety.test.ts: opens a store and saves forever, printing one ack line per
// save *after* it resolved. The parent SIGKILLs it at random moments; it never exits by itself.
import { createHash } from 'node:crypto';
import v8 from 'node:v8';
import { ArticleStore } from '../../../../../src/main/services/store/ArticleStore';

const IDS = ['crash-a', 'crash-b', 'crash-c'];

function contentHash(article: { title: string; body: unknown }): string {
  return createHash('sha256').update(JSON.stringify({ title: article.title, body: article.body })).digest('hex');
}

async function run(dataDir: string): Promise<void> {
  let nextId = '';
  // Lets the parent aim some kills at open itself (sweep, index replay, repair, compaction).
  process.stdout.write('opening\n');
  const store = await ArticleStore.open(dataDir, { newId: () => nextId });
  for (const id of IDS) {
    if (store.list().some((s) => s.id === id)) continue;
    nextId = id;
    const created = await store.create({ title: `Bài ${id}` });
    process.stdout.write(`ack ${id} ${created.rev} ${contentHash(created)}\n`);
  }
  process.stdout.write('ready\n');
  for (let n = 0; ; n += 1) {
    const id = IDS[n % IDS.length]!;
    const current = await store.get(id);
    const words = Array.from({ length: 20 + (n % 200) }, (_, i) => `Cửa Lò ${n}-${i}`).join(' ');
    const saved = await store.save(id, current.rev, {
      title: `Bài ${id} lần ${n}`,
      body: {
        root: {
          type: 'root',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          children: [{ type: 'paragraph', version: 1, children: [{ type: 'text', version: 1, text: words }] }],
        },
      },
    });
    // Pipes are written synchronously on Linux: once this returns the parent can see the ack.
    process.stdout.write(`ack ${id} ${saved.rev} ${contentHash(saved)}\n`);
  }
}

function start(): void {
  run(process.argv[process.argv.length - 1]!).catch((error: unknown) => {
    process.stderr.write(`crash child failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}

// Built into a V8 startup snapshot by the test when it can be (Node starts it several times
// faster: the modules are already evaluated), else run as a plain script.
if (v8.startupSnapshot?.isBuildingSnapshot()) v8.startupSnapshot.setDeserializeMainFunction(start);
else start();
