import { describe, expect, it } from 'vitest';
import { ARTICLE_STATES, type ArticleState } from '../../../../src/shared/model/Article';
import { PORTAL_STATUS_VALUES } from '../../../../src/shared/model/PortalAccount';
import type { ArticleSync, PortalReceipt } from '../../../../src/shared/model/SyncStatus';
import { portalBadgeOf, type PortalBadgeValue, type PortalStatus } from '../../../../src/renderer/sync/portalBadgeOf';

const LINK = 'https://cualo.vn/2026/12/02/cua-lo-to-chuc-hoi-nghi-giao-ban-quy-iii/';

function receipt(status: PortalStatus): PortalReceipt {
  return { postId: 412, status, link: LINK, modifiedGmt: '2026-12-02T08:00:00', at: '2026-12-02T08:00:01.000Z' };
}

function sync(changes: Partial<ArticleSync> = {}): ArticleSync {
  return { articleId: 'bai-giao-ban', receipt: null, waiting: false, problem: null, conflict: false, deletedOnPortal: false, ...changes };
}

/** The states whose chip claims something of the portal, and what each claims. */
const CLAIMS: Partial<Record<ArticleState, 'publish' | 'future' | 'pending'>> = {
  published: 'publish',
  scheduled: 'future',
  submitted: 'pending',
};
/** The receipts that bear each claim out (the portal may have gone further than asked). */
const ANSWERED_BY: Record<'publish' | 'future' | 'pending', readonly PortalStatus[]> = {
  publish: ['publish', 'private'],
  future: ['future', 'publish', 'private'],
  pending: ['pending', 'future', 'publish', 'private'],
};

describe('portalBadgeOf, signed in: every local state × every receipt (and none), waiting or not', () => {
  const receipts: (PortalStatus | null)[] = [null, ...PORTAL_STATUS_VALUES];
  for (const state of ARTICLE_STATES) {
    for (const status of receipts) {
      for (const waiting of [false, true]) {
        it(`${state} · receipt ${status ?? 'none'} · ${waiting ? 'waiting' : 'idle'}`, () => {
          const decision = portalBadgeOf(state, sync({ receipt: status ? receipt(status) : null, waiting }), true);
          const claim = CLAIMS[state];
          expect(decision.replacesChip).toBe(claim !== undefined);
          let expected: PortalBadgeValue | null;
          if (claim) {
            if (status && ANSWERED_BY[claim].includes(status)) expected = { kind: 'portal', status, link: LINK, updateWaiting: waiting };
            else expected = { kind: waiting ? 'waiting' : 'notSent', claim, onPortal: status };
          } else if (waiting) expected = { kind: 'waiting', claim: null, onPortal: status };
          else expected = status ? { kind: 'portal', status, link: LINK, updateWaiting: false } : null;
          expect(decision.badge).toEqual(expected);
        });
      }
    }
  }
});

describe('portalBadgeOf, rule 9 in words', () => {
  it('a published article the portal has not answered for says it waits in the outbox, never "published"', () => {
    expect(portalBadgeOf('published', sync({ waiting: true }), true)).toEqual({
      badge: { kind: 'waiting', claim: 'publish', onPortal: null },
      replacesChip: true,
    });
  });

  it('a published article whose receipt still says pending waits to publish, and tells what the portal has', () => {
    expect(portalBadgeOf('published', sync({ waiting: true, receipt: receipt('pending') }), true).badge).toEqual({
      kind: 'waiting',
      claim: 'publish',
      onPortal: 'pending',
    });
  });

  it('a scheduled article the portal published (its time came) shows what the portal said', () => {
    expect(portalBadgeOf('scheduled', sync({ receipt: receipt('publish') }), true).badge).toEqual({
      kind: 'portal',
      status: 'publish',
      link: LINK,
      updateWaiting: false,
    });
  });

  it('signed in, an article the portal never heard of and nothing queued is "not sent", not "waiting"', () => {
    expect(portalBadgeOf('published', null, true).badge).toEqual({ kind: 'notSent', claim: 'publish', onPortal: null });
    expect(portalBadgeOf('draft', null, true)).toEqual({ badge: null, replacesChip: false });
  });
});

describe('portalBadgeOf, what asks the writer comes first', () => {
  for (const state of ARTICLE_STATES) {
    it(`${state}: conflict, then deleted on the portal, then a problem, over any receipt or waiting`, () => {
      const everything = sync({
        receipt: receipt('publish'),
        waiting: true,
        problem: { code: 'PORTAL_FORBIDDEN' },
        conflict: true,
        deletedOnPortal: true,
      });
      expect(portalBadgeOf(state, everything, true).badge).toEqual({ kind: 'conflict' });
      expect(portalBadgeOf(state, { ...everything, conflict: false }, true).badge).toEqual({ kind: 'deleted' });
      expect(portalBadgeOf(state, { ...everything, conflict: false, deletedOnPortal: false }, true).badge).toEqual({
        kind: 'problem',
        code: 'PORTAL_FORBIDDEN',
      });
      expect(portalBadgeOf(state, everything, true).replacesChip).toBe(CLAIMS[state] !== undefined);
    });
  }
});

describe('portalBadgeOf without a portal account', () => {
  for (const state of ARTICLE_STATES) {
    it(`${state}: ${state === 'published' || state === 'scheduled' ? 'local only' : 'the local chip, no badge'}, whatever sync state is left`, () => {
      for (const left of [null, sync({ receipt: receipt('publish'), waiting: true, conflict: true })]) {
        const decision = portalBadgeOf(state, left, false);
        if (state === 'published') expect(decision).toEqual({ badge: { kind: 'localOnly', claim: 'publish' }, replacesChip: true });
        else if (state === 'scheduled') expect(decision).toEqual({ badge: { kind: 'localOnly', claim: 'future' }, replacesChip: true });
        // "Submitted" without a portal is the local desk's fact: the chip says it as it is.
        else expect(decision).toEqual({ badge: null, replacesChip: false });
      }
    });
  }
});
