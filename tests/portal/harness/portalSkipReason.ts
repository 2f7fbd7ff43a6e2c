import { wordPressMissing } from './wordPressMissing';

/**
 * Why the portal suite cannot run here, or null when it can. In CI (CI=true) always null: the
 * packages are part of the setup there, so their absence must fail the tests (startWordPress
 * throws, naming the packages), not skip them. Locally the reason is printed once per file.
 */
export function portalSkipReason(): string | null {
  const missing = wordPressMissing();
  if (!missing || process.env.CI === 'true') return null;
  console.log(`portal suite skipped: ${missing}`);
  return missing;
}
