import { execFileSync } from 'node:child_process';

/** One build for the whole run; every test then starts the built web host. */
export default function globalSetup(): void {
  if (process.env.NEWSDESK_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
