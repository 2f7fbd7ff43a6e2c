import { describe, expect, it } from 'vitest';
import { NewsdeskError } from '../../../src/shared/errors';
import { ARTICLE_STATES, type ArticleState } from '../../../src/shared/model/Article';
import {
  availableTransitions,
  bulkTarget,
  isOwner,
  planTransition,
  type Actor,
  type LifecycleSubject,
} from '../../../src/shared/model/lifecycle';
import { ROLES, type Role } from '../../../src/shared/model/Profile';

// The expected table, written out by hand from the decisions in the issue and lifecycle.ts's
// header, NOT derived from TRANSITIONS: if either changes alone, this test fails.
// "from>to" for ordinary states; "spiked(prev)>prev" for restore.
const EDITOR_ON_ANY_ARTICLE = new Set([
  'submitted>in_review',
  'in_review>returned',
  'in_review>approved',
  'approved>scheduled',
  'scheduled>approved',
  'approved>published',
  'scheduled>published',
  'draft>spiked',
  'submitted>spiked',
  'in_review>spiked',
  'returned>spiked',
  'approved>spiked',
  'scheduled>spiked',
  'published>spiked',
  'spiked(draft)>draft',
  'spiked(submitted)>submitted',
  'spiked(in_review)>in_review',
  'spiked(returned)>returned',
  'spiked(approved)>approved',
  'spiked(scheduled)>scheduled',
  'spiked(published)>published',
]);
const WRITING_OWN_ARTICLE = new Set(['draft>submitted', 'returned>submitted', 'submitted>draft']);
const WRITER_ONLY_OWN_ARTICLE = new Set(['draft>spiked', 'spiked(draft)>draft']);

function expectedAllowed(role: Role, own: boolean, key: string): boolean {
  if (own && WRITING_OWN_ARTICLE.has(key)) return true;
  if (role === 'editor') return EDITOR_ON_ANY_ARTICLE.has(key);
  return own && WRITER_ONLY_OWN_ARTICLE.has(key);
}

const PRIOR_STATES = ARTICLE_STATES.filter((state) => state !== 'spiked');

/** Every starting point: each state, and "spiked" once per state it could have been spiked from. */
function startingPoints(): { subject: LifecycleSubject; label: string }[] {
  const base = { publishAt: '2026-04-01T08:00:00.000Z', createdBy: 'Thanh Bình', returnNote: 'cũ' };
  return [
    ...PRIOR_STATES.map((state) => ({ subject: { ...base, state }, label: state })),
    ...PRIOR_STATES.map((prev) => ({
      subject: { ...base, state: 'spiked' as const, spikedFrom: prev },
      label: `spiked(${prev})`,
    })),
  ];
}

const writer = (role: Role, own: boolean): Actor => ({ role, name: own ? 'Thanh Bình' : 'Người Khác' });

describe('lifecycle table, exhaustively: every state × target × role × ownership', () => {
  const cases = startingPoints().flatMap(({ subject, label }) =>
    ARTICLE_STATES.flatMap((to) =>
      ROLES.flatMap((role) => [true, false].map((own) => ({ subject, label, to, role, own }))),
    ),
  );

  it('covers all combinations', () => {
    expect(cases).toHaveLength(14 * 8 * 3 * 2);
  });

  it.each(cases)('$label → $to as $role (own: $own)', ({ subject, label, to, role, own }) => {
    const actor = writer(role, own);
    const allowed = expectedAllowed(role, own, `${label}>${to}`);
    const attempt = () => planTransition(subject, to, actor, { note: 'Sửa lại sapo' });
    if (allowed) {
      expect(attempt().state).toBe(to);
    } else {
      let thrown: unknown;
      try {
        attempt();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(NewsdeskError);
      expect((thrown as NewsdeskError).code).toBe('INVALID_TRANSITION');
      expect((thrown as NewsdeskError).details).toMatchObject({ from: subject.state, to, role });
    }
    // What the UI offers is exactly what the service accepts.
    expect(availableTransitions(subject, actor).some((move) => move.to === to)).toBe(allowed);
  });
});

describe('refusals say why', () => {
  const editor: Actor = { role: 'editor', name: 'Biên Tập' };
  const reasonOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      return (error as NewsdeskError).details?.reason;
    }
    return 'no error';
  };

  it('a move nobody may make is no-edge; one others may make is not-allowed', () => {
    const draft: LifecycleSubject = { state: 'draft', publishAt: null, createdBy: 'A' };
    expect(reasonOf(() => planTransition(draft, 'published', editor))).toBe('no-edge');
    expect(reasonOf(() => planTransition(draft, 'draft', editor))).toBe('no-edge');
    const submitted: LifecycleSubject = { state: 'submitted', publishAt: null, createdBy: 'A' };
    expect(reasonOf(() => planTransition(submitted, 'in_review', { role: 'reporter', name: 'A' }))).toBe('not-allowed');
  });

  it('returning needs a note that is more than white space', () => {
    const inReview: LifecycleSubject = { state: 'in_review', publishAt: null };
    expect(reasonOf(() => planTransition(inReview, 'returned', editor))).toBe('note-required');
    expect(reasonOf(() => planTransition(inReview, 'returned', editor, { note: '  \n ' }))).toBe('note-required');
  });

  it('scheduling needs a publish time', () => {
    const approved: LifecycleSubject = { state: 'approved', publishAt: null };
    expect(reasonOf(() => planTransition(approved, 'scheduled', editor))).toBe('publish-at-required');
    expect(planTransition({ ...approved, publishAt: '2026-05-01T01:00:00Z' }, 'scheduled', editor).state).toBe('scheduled');
  });
});

describe('what a transition writes', () => {
  const editor: Actor = { role: 'editor', name: 'Biên Tập' };

  it('return stores the trimmed note; resubmitting keeps it; approval clears it', () => {
    const returned = planTransition({ state: 'in_review', publishAt: null }, 'returned', editor, { note: '  Thiếu ảnh  ' });
    expect(returned).toMatchObject({ action: 'return', state: 'returned', returnNote: 'Thiếu ảnh' });
    const resubmitted = planTransition({ state: 'returned', publishAt: null, returnNote: 'Thiếu ảnh' }, 'submitted', editor);
    expect(resubmitted.returnNote).toBe('Thiếu ảnh');
    const approved = planTransition({ state: 'in_review', publishAt: null, returnNote: 'Thiếu ảnh' }, 'approved', editor);
    expect(approved.returnNote).toBeUndefined();
  });

  it('spike remembers where the article was; restore goes back there and forgets it', () => {
    for (const state of PRIOR_STATES) {
      const spiked = planTransition({ state, publishAt: null }, 'spiked', editor);
      expect(spiked).toMatchObject({ action: 'spike', state: 'spiked', spikedFrom: state });
      const restored = planTransition({ state: 'spiked', spikedFrom: state, publishAt: null }, state, editor);
      expect(restored).toMatchObject({ action: 'restore', state, spikedFrom: undefined });
    }
  });

  it('a spiked article with no record of its previous state restores to draft', () => {
    const subject: LifecycleSubject = { state: 'spiked', publishAt: null };
    expect(planTransition(subject, 'draft', editor).state).toBe('draft');
    expect(bulkTarget(subject, 'restore')).toBe('draft');
  });
});

describe('ownership and bulk targets', () => {
  it('compares names ignoring case, spacing and Unicode form', () => {
    const subject = { createdBy: 'Nguyễn  Thị Hà'.normalize('NFD') };
    expect(isOwner(subject, { role: 'reporter', name: ' nguyễn thị hà ' })).toBe(true);
    expect(isOwner(subject, { role: 'reporter', name: 'Nguyễn Thị Hải' })).toBe(false);
  });

  it('an article with no recorded writer is everybody’s', () => {
    expect(isOwner({ createdBy: '' }, { role: 'reporter', name: 'Bất Kỳ' })).toBe(true);
    expect(isOwner({}, { role: 'photographer', name: '' })).toBe(true);
  });

  it('bulk spike targets every live article, bulk restore only spiked ones', () => {
    for (const state of PRIOR_STATES) {
      expect(bulkTarget({ state }, 'spike')).toBe('spiked');
      expect(bulkTarget({ state }, 'restore')).toBeNull();
      expect(bulkTarget({ state: 'spiked', spikedFrom: state }, 'restore')).toBe(state);
    }
    expect(bulkTarget({ state: 'spiked', spikedFrom: 'draft' }, 'spike')).toBeNull();
  });
});

// Keeps the type import honest if ArticleState grows a state the table forgot.
const _everyState: Record<ArticleState, true> = {
  draft: true,
  submitted: true,
  in_review: true,
  returned: true,
  approved: true,
  scheduled: true,
  published: true,
  spiked: true,
};
void _everyState;
