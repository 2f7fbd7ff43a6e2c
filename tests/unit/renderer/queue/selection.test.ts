import { describe, expect, it } from 'vitest';
import { clickRow, EMPTY_SELECTION, moveFocus, selectAll, selectedInOrder } from '../../../../src/renderer/queue/selection';

const order = ['a', 'b', 'c', 'd', 'e'];
const plain = { toggle: false, range: false };
const ids = (selection: { selected: ReadonlySet<string> }) => selectedInOrder(selection as never, order);

describe('queue selection', () => {
  it('a click selects one row; Ctrl+click toggles; Shift+click selects the range from the anchor', () => {
    let s = clickRow(EMPTY_SELECTION, order, 'b', plain);
    expect(ids(s)).toEqual(['b']);
    s = clickRow(s, order, 'd', { toggle: true, range: false });
    expect(ids(s)).toEqual(['b', 'd']);
    s = clickRow(s, order, 'b', { toggle: true, range: false });
    expect(ids(s)).toEqual(['d']);
    // The anchor is the last row clicked or toggled ('b'), as in file managers.
    s = clickRow(s, order, 'a', { toggle: false, range: true });
    expect(ids(s)).toEqual(['a', 'b']);
    // The anchor stays: a second Shift+click re-draws the range from it.
    s = clickRow(s, order, 'e', { toggle: false, range: true });
    expect(ids(s)).toEqual(['b', 'c', 'd', 'e']);
    // Ctrl+Shift adds a range to what is selected.
    s = clickRow(clickRow(EMPTY_SELECTION, order, 'a', plain), order, 'c', { toggle: true, range: false });
    s = clickRow(s, order, 'e', { toggle: true, range: true });
    expect(ids(s)).toEqual(['a', 'c', 'd', 'e']);
  });

  it('Ctrl+A selects every row in view; only rows in view count', () => {
    const s = selectAll(EMPTY_SELECTION, order);
    expect(ids(s)).toEqual(order);
    expect(selectedInOrder(s, ['c', 'x'])).toEqual(['c']);
  });

  it('arrows move the cursor, clamped at the ends; Shift+arrow extends', () => {
    let s = moveFocus(EMPTY_SELECTION, order, 1, false);
    expect(s.focus).toBe('a');
    s = moveFocus(s, order, -1, false);
    expect(s.focus).toBe('a');
    s = moveFocus(s, order, 2, true);
    expect(ids(s)).toEqual(['a', 'b', 'c']);
    s = moveFocus(s, order, 100, false);
    expect(s.focus).toBe('e');
    expect(ids(s)).toEqual(['e']);
  });

  it('selectedInOrder gives list order whether few or many of a long list are selected', () => {
    const long = Array.from({ length: 1_000 }, (_, i) => `id-${i}`);
    for (const picked of [['id-900', 'id-3', 'gone', 'id-450'], long.filter((_, i) => i % 3 === 0).reverse()]) {
      const selection = { selected: new Set(picked), anchor: null, focus: null };
      expect(selectedInOrder(selection, long)).toEqual(long.filter((id) => picked.includes(id)));
    }
  });
});
