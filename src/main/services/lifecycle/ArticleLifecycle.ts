import { NewsdeskError, isNewsdeskError } from '../../../shared/errors';
import type { Article, ArticleState } from '../../../shared/model/Article';
import {
  ARTICLE_BUNDLE_FORMAT,
  ARTICLE_BUNDLE_VERSION,
  type ArticleBundle,
} from '../../../shared/model/ArticleBundle';
import { blockingIssues } from '../../../shared/publishChecks/blockingIssues';
import { checkArticle, overrideTargetOf } from '../../../shared/publishChecks/checkArticle';
import { OVERRIDE_REASON_MAX } from '../../../shared/model/CheckOverride';
import type { BulkAction, BulkItemResult } from '../../../shared/model/BulkResult';
import { bulkTarget, planTransition } from '../../../shared/model/lifecycle';
import type { ArticleStore } from '../store/ArticleStore';
import type { ProfileService } from '../profile/ProfileService';

/** Bulk work runs a few articles at a time: each write fsyncs, and the machine is shared. */
const BULK_CONCURRENCY = 4;

export interface TransitionRequest {
  id: string;
  to: ArticleState;
  note?: string | undefined;
  baseRev?: number | undefined;
}

export interface OverrideRequest {
  id: string;
  /** The check's id (ARTICLE_ISSUE_CODES), e.g. FEATURED_MISSING. */
  rule: string;
  /** The figure's asset id for a figure's check; empty for the article's own. */
  target: string;
  reason: string;
  baseRev?: number | undefined;
}

export interface ArticleLifecycleOptions {
  now?: () => Date;
  /** Called with the article as submitted (history snapshot); failures do not undo the submit. */
  onSubmitted?: (article: Article) => Promise<void>;
}

/**
 * Applies the lifecycle table to stored articles, as the current profile. The decision is made
 * under the article's lock on the stored version (ArticleStore.setState), so two windows cannot
 * both take the same article into review from a stale view.
 */
export class ArticleLifecycle {
  private readonly now: () => Date;

  constructor(
    private readonly articles: ArticleStore,
    private readonly profile: ProfileService,
    private readonly options: ArticleLifecycleOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async transition(request: TransitionRequest): Promise<Article> {
    const actor = this.profile.get();
    const { after } = await this.articles.setState(
      request.id,
      (current) => {
        const plan = planTransition(current, request.to, actor, { note: request.note });
        if (plan.action === 'submit') {
          // Caption lint warnings (a short caption, a missing credit) are shown, never refused on.
          const issues = blockingIssues(checkArticle(current));
          if (issues.length > 0) {
            throw new NewsdeskError('INVALID_TRANSITION', {
              from: current.state,
              to: request.to,
              role: actor.role,
              reason: 'incomplete',
              issues: issues.map((issue) => ({ code: issue.code, field: issue.field, figure: issue.figure, part: issue.part, link: issue.link, limit: issue.limit })),
            });
          }
        }
        return { state: plan.state, returnNote: plan.returnNote, spikedFrom: plan.spikedFrom };
      },
      { baseRev: request.baseRev },
    );
    if (after.state === 'submitted' && this.options.onSubmitted) {
      await this.options.onSubmitted(after).catch((error: unknown) => {
        console.error('[newsdesk] snapshot on submit failed', isNewsdeskError(error) ? error.code : error);
      });
    }
    return after;
  }

  /**
   * Lets a publish-check warning stand, as the current profile, with a reason (issue #15). Only an
   * editor may; a blocking check never; and only a check the stored article fails now (decided
   * under the article's lock, so an override cannot land on a problem fixed meanwhile). The
   * renderer offers the button only where this would succeed; this is the check that counts.
   */
  async overrideCheck(request: OverrideRequest): Promise<Article> {
    const actor = this.profile.get();
    const refuse = (reason: 'not-editor' | 'blocking' | 'no-such-issue' | 'reason-required'): never => {
      throw new NewsdeskError('OVERRIDE_REFUSED', { reason, rule: request.rule, role: actor.role });
    };
    if (actor.role !== 'editor') refuse('not-editor');
    const reason = request.reason.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, OVERRIDE_REASON_MAX);
    if (reason === '') refuse('reason-required');
    return this.articles.setOverrides(
      request.id,
      (current) => {
        const issue = checkArticle(current).find((found) => found.code === request.rule && overrideTargetOf(found) === request.target);
        if (!issue) return refuse('no-such-issue');
        if (issue.severity === 'blocking') return refuse('blocking');
        // One override per check and target: a second decision replaces the first.
        const others = current.checkOverrides.filter((kept) => !(kept.rule === request.rule && kept.target === request.target));
        return [...others, { rule: request.rule, target: request.target, reason, by: actor.name, at: this.now().toISOString() }];
      },
      { baseRev: request.baseRev },
    );
  }

  /** Spike or restore many articles; each id succeeds or fails on its own, in input order. */
  async bulk(ids: readonly string[], action: BulkAction): Promise<BulkItemResult[]> {
    const unique = [...new Set(ids)];
    return mapLimited(unique, BULK_CONCURRENCY, async (id): Promise<BulkItemResult> => {
      try {
        const actor = this.profile.get();
        const { after } = await this.articles.setState(id, (current) => {
          const to = bulkTarget(current, action);
          if (to === null) {
            throw new NewsdeskError('INVALID_TRANSITION', { from: current.state, action, role: actor.role, reason: 'no-edge' });
          }
          const plan = planTransition(current, to, actor);
          return { state: plan.state, returnNote: plan.returnNote, spikedFrom: plan.spikedFrom };
        });
        return { id, ok: true, state: after.state };
      } catch (error) {
        return { id, ok: false, error: isNewsdeskError(error) ? error.toPayload() : { code: 'INTERNAL' } };
      }
    });
  }

  async export(ids: readonly string[]): Promise<ArticleBundle> {
    const unique = [...new Set(ids)];
    const read = await mapLimited(unique, BULK_CONCURRENCY, async (id) => {
      try {
        return await this.articles.get(id);
      } catch (error) {
        if (isNewsdeskError(error) && error.code !== 'INTERNAL') return id;
        throw error;
      }
    });
    return {
      format: ARTICLE_BUNDLE_FORMAT,
      version: ARTICLE_BUNDLE_VERSION,
      exportedAt: this.now().toISOString(),
      articles: read.filter((item): item is Article => typeof item !== 'string'),
      missing: read.filter((item): item is string => typeof item === 'string'),
    };
  }
}

async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
