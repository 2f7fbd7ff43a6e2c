import { MediaStore } from './media/MediaStore';
import { ArticleStore } from './store/ArticleStore';

export interface ServiceOptions {
  /** Where everything durable lives; given by the host (Electron's userData, or --data-dir). */
  dataDir: string;
}

export interface Services {
  articles: ArticleStore;
  media: MediaStore;
  close(): Promise<void>;
}

/** Plain Node services, no `electron`: the same set runs in both hosts and in tests. */
export async function createServices(options: ServiceOptions): Promise<Services> {
  const articles = await ArticleStore.open(options.dataDir);
  const media = await MediaStore.open(options.dataDir);
  return {
    articles,
    media,
    close: () => articles.close(),
  };
}
