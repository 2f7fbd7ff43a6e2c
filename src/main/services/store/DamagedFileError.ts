import type { QuarantineReason } from '../../../shared/model/StoreNotice';

/**
 * A file that exists and was read but cannot be used: cut short, not JSON, or not the shape we
 * expect. Internal to the services: the store quarantines the file and reports a code outward.
 */
export class DamagedFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: QuarantineReason,
  ) {
    super(`damaged file (${reason}): ${file}`);
    this.name = 'DamagedFileError';
  }
}

/**
 * Parses JSON, telling a file cut short (crash or full disk mid-write, by an older writer or
 * another tool) from one that is garbled: the first is expected after power loss, the second
 * points at something else having written there.
 */
export function parseJsonOrDamaged(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DamagedFileError(file, looksTruncated(text, error) ? 'truncated' : 'invalid-json');
  }
}

function looksTruncated(text: string, error: unknown): boolean {
  const trimmed = text.trimEnd();
  if (trimmed.length === 0) return true;
  const message = error instanceof Error ? error.message : '';
  if (/end of JSON input|Unterminated/i.test(message)) return true;
  // V8 names the position of the first bad character; at the very end means "ran out of text".
  const position = /position (\d+)/.exec(message);
  return position !== null && Number(position[1]) >= trimmed.length;
}
