import { join } from 'node:path';
import { HistoryStore } from './history/HistoryStore';
import { MediaStore } from './media/MediaStore';
import { ArticleStore } from './store/ArticleStore';
import { FaultInjectingFileSystem, FAULTS_FILE, faultsFromFile } from './store/FaultInjectingFileSystem';

export interface ServiceOptions {
  /** Where everything durable lives; given by the host (Electron's userData, or --data-dir). */
  dataDir: string;
  /**
   * TEST ONLY: storage writes fail while `<dataDir>/.faults.json` says so (FaultInjectingFileSystem).
   * Set only by the web host when started with NEWSDESK_TEST_FAULTS=1.
   */
  testFaults?: boolean;
}

export interface Services {
  articles: ArticleStore;
  media: MediaStore;
  history: HistoryStore;
  close(): Promise<void>;
}

/** Plain Node services, no `electron`: the same set runs in both hosts and in tests. */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const articles = await ArticleStore.open(
    options.dataDir,
    options.testFaults ? { fs: new FaultInjectingFileSystem(faultsFromFile(join(options.dataDir, FAULTS_FILE))) } : {},
  );
  const history = new HistoryStore(articles);
  const detachHistory = history.attach();
  const media = await MediaStore.open(options.dataDir);
  return {
    articles,
    media,
    history,
    close: async () => {
      detachHistory();
      await history.idle();
      await articles.close();
    },
  };
}
