import { runWebEdition } from './runWebEdition';

/** `npm run web`: the web edition on 127.0.0.1, as users run it. Flags: --port N, --data-dir DIR. */
runWebEdition().catch((error: unknown) => {
  console.error('newsdesk: could not start the web edition:', error instanceof Error ? error.message : error);
  process.exit(1);
});
