/** One run of a word diff: text present in both, only in the new text, or only in the old. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * A word is a run of letters (with their combining marks) and digits; every space run and every
 * punctuation mark is a token of its own, so joining the tokens gives back the text exactly.
 * Marks belong to the word: "Lò" never splits at its grave accent, and "Cửa Lò" and "Cua Lo" are
 * different words because the comparison is on the marked (NFC) text, not a folded one.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;

/** Past this many differing tokens the diff is shown as "all replaced": the texts are unrelated. */
const MAX_EDIT_DISTANCE = 2_000;

export function tokenizeForDiff(text: string): string[] {
  return text.normalize('NFC').match(TOKEN) ?? [];
}

/**
 * Word-level diff from `before` to `after` (Myers' O(ND) algorithm on tokens). Both texts are NFC
 * first, so the same words typed through different input methods compare equal. Concatenating the
 * `equal` and `delete` parts gives `before`; `equal` and `insert` give `after` (both in NFC).
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokenizeForDiff(before);
  const b = tokenizeForDiff(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const parts: DiffPart[] = [];
  push(parts, 'equal', a.slice(0, start));
  for (const part of myers(a.slice(start, endA), b.slice(start, endB))) parts.push(part);
  push(parts, 'equal', a.slice(endA));
  return absorbLoneSpaces(merge(parts));
}

function push(parts: DiffPart[], op: DiffPart['op'], tokens: string[]): void {
  if (tokens.length > 0) parts.push({ op, text: tokens.join('') });
}

/** Myers' greedy forward search with a trace of V per step, then a backtrack. */
function myers(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) {
    const parts: DiffPart[] = [];
    push(parts, 'delete', a);
    push(parts, 'insert', b);
    return parts;
  }
  // Tokens as integers: comparing numbers is much cheaper than comparing strings in the inner loop.
  const ids = new Map<string, number>();
  const idOf = (token: string) => {
    let id = ids.get(token);
    if (id === undefined) {
      id = ids.size;
      ids.set(token, id);
    }
    return id;
  };
  const x = Int32Array.from(a, idOf);
  const y = Int32Array.from(b, idOf);
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d += 1) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let i: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) i = v[offset + k + 1]!;
      else i = v[offset + k - 1]! + 1;
      let j = i - k;
      while (i < n && j < m && x[i] === y[j]) {
        i += 1;
        j += 1;
      }
      v[offset + k] = i;
      if (i >= n && j >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) {
    const parts: DiffPart[] = [];
    push(parts, 'delete', a);
    push(parts, 'insert', b);
    return parts;
  }
  // Backtrack: trace[d] holds V as it was before step d, over k in [-d-1, d+1].
  const reversed: { op: DiffPart['op']; token: string }[] = [];
  let i = n;
  let j = m;
  for (let d = found; d > 0; d -= 1) {
    const prev = trace[d]!;
    const at = (k: number) => prev[k + d + 1]!;
    const k = i - j;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevI = at(prevK);
    const prevJ = prevI - prevK;
    while (i > prevI && j > prevJ) {
      i -= 1;
      j -= 1;
      reversed.push({ op: 'equal', token: a[i]! });
    }
    if (down) {
      j -= 1;
      reversed.push({ op: 'insert', token: b[j]! });
    } else {
      i -= 1;
      reversed.push({ op: 'delete', token: a[i]! });
    }
  }
  while (i > 0 && j > 0) {
    i -= 1;
    j -= 1;
    reversed.push({ op: 'equal', token: a[i]! });
  }
  const parts: DiffPart[] = [];
  for (let index = reversed.length - 1; index >= 0; index -= 1) {
    const { op, token } = reversed[index]!;
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += token;
    else parts.push({ op, text: token });
  }
  return parts;
}

function merge(parts: DiffPart[]): DiffPart[] {
  const merged: DiffPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (last && last.op === part.op) last.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}

/**
 * "Cửa Lò" → "Cua Lo" would otherwise read as [-Cửa-][+Cua+] [-Lò-][+Lo+], the kept space
 * splitting one change in two. A whitespace-only equal run between two changes is folded into
 * both sides, so a reader sees one replaced phrase.
 */
function absorbLoneSpaces(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (let index = 0; index < parts.length; index += 1) {
    const part = parts[index]!;
    const before = parts[index - 1];
    const after = parts[index + 1];
    if (part.op === 'equal' && /^\s+$/.test(part.text) && before && after && before.op !== 'equal' && after.op !== 'equal') {
      out.push({ op: 'delete', text: part.text }, { op: 'insert', text: part.text });
    } else {
      out.push(part);
    }
  }
  return regroup(out);
}

/** Within each run of changes, all deletions first, then all insertions, each merged. */
function regroup(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  let deleted = '';
  let inserted = '';
  const flush = () => {
    // Both sides may end (or start) with the same tokens, typically a space the search matched
    // elsewhere: those are unchanged text, moved out of the change.
    const del = tokenizeForDiff(deleted);
    const ins = tokenizeForDiff(inserted);
    let head = 0;
    while (head < del.length && head < ins.length && del[head] === ins[head]) head += 1;
    let tail = 0;
    while (tail < del.length - head && tail < ins.length - head && del[del.length - 1 - tail] === ins[ins.length - 1 - tail]) {
      tail += 1;
    }
    if (head > 0) out.push({ op: 'equal', text: del.slice(0, head).join('') });
    if (del.length - tail > head) out.push({ op: 'delete', text: del.slice(head, del.length - tail).join('') });
    if (ins.length - tail > head) out.push({ op: 'insert', text: ins.slice(head, ins.length - tail).join('') });
    if (tail > 0) out.push({ op: 'equal', text: del.slice(del.length - tail).join('') });
    deleted = '';
    inserted = '';
  };
  for (const part of parts) {
    if (part.op === 'delete') deleted += part.text;
    else if (part.op === 'insert') inserted += part.text;
    else {
      flush();
      out.push(part);
    }
  }
  flush();
  return merge(out);
}
