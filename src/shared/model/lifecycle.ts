import { NewsdeskError } from '../errors';
import { ARTICLE_STATES, type ArticleState } from './Article';
import type { Role } from './Profile';

/**
 * The article lifecycle: one table, read by the services (which enforce it) and by the renderer
 * (which only offers what the table allows). Every edge is listed; anything not listed is an
 * INVALID_TRANSITION. Decisions, edge by edge:
 *
 *   draft     → submitted   submit      writer of the article (any role)
 *   returned  → submitted   submit      writer (resubmit after fixing what the note asks)
 *   submitted → draft       withdraw    writer, before an editor has taken it into review
 *   submitted → in_review   take        editor (the one who picks it up owns the review)
 *   in_review → returned    return      editor, with a note (kept on the article for the writer)
 *   in_review → approved    approve     editor (clears the return note: the point is settled)
 *   approved  → scheduled   schedule    editor, only with a publish time set
 *   scheduled → approved    unschedule  editor (to change the time or hold the story)
 *   approved  → published   publish     editor (publish now)
 *   scheduled → published   publish     editor (the time came, or publish early)
 *   any but spiked → spiked spike       editor, any article; writer, only their own draft
 *   spiked → (previous)     restore     editor, any; writer, only their own spiked draft
 *
 * "Writer of the article" is the profile name recorded when it was created; an article with no
 * recorded writer (made before profiles existed) counts as everybody's, because nobody else can
 * be named and a draft must not become unsubmittable. Published is final except for spiking:
 * taking a story off the portal is an editor's call. Spiking keeps the previous state, so restore
 * puts the article back exactly where it was (a spiked article with no recorded previous state is
 * restored to draft, the safest place).
 */

export type TransitionAction =
  | 'submit'
  | 'withdraw'
  | 'take'
  | 'return'
  | 'approve'
  | 'schedule'
  | 'unschedule'
  | 'publish'
  | 'spike'
  | 'restore';

/** 'own': only on articles this person wrote. 'any': on every article. */
type Scope = 'own' | 'any';

interface TransitionEdge {
  action: TransitionAction;
  from: readonly ArticleState[];
  /** 'previous': the state the article had when it was spiked. */
  to: ArticleState | 'previous';
  by: Partial<Record<Role, Scope>>;
  /** What the transition needs besides permission. */
  needs?: 'note' | 'publishAt';
  /** restore only: the previous states this edge may restore to. */
  previous?: readonly ArticleState[];
}

const WRITERS_OWN = { reporter: 'own', photographer: 'own', editor: 'own' } as const;
const EDITOR = { editor: 'any' } as const;
const NOT_SPIKED: readonly ArticleState[] = ARTICLE_STATES.filter((state) => state !== 'spiked');

export const TRANSITIONS: readonly TransitionEdge[] = [
  { action: 'submit', from: ['draft', 'returned'], to: 'submitted', by: WRITERS_OWN },
  { action: 'withdraw', from: ['submitted'], to: 'draft', by: WRITERS_OWN },
  { action: 'take', from: ['submitted'], to: 'in_review', by: EDITOR },
  { action: 'return', from: ['in_review'], to: 'returned', by: EDITOR, needs: 'note' },
  { action: 'approve', from: ['in_review'], to: 'approved', by: EDITOR },
  { action: 'schedule', from: ['approved'], to: 'scheduled', by: EDITOR, needs: 'publishAt' },
  { action: 'unschedule', from: ['scheduled'], to: 'approved', by: EDITOR },
  { action: 'publish', from: ['approved', 'scheduled'], to: 'published', by: EDITOR },
  { action: 'spike', from: NOT_SPIKED, to: 'spiked', by: EDITOR },
  { action: 'spike', from: ['draft'], to: 'spiked', by: { reporter: 'own', photographer: 'own' } },
  { action: 'restore', from: ['spiked'], to: 'previous', by: EDITOR },
  { action: 'restore', from: ['spiked'], to: 'previous', by: { reporter: 'own', photographer: 'own' }, previous: ['draft'] },
];

/** The lifecycle fields of an article: enough to decide a transition. */
export interface LifecycleSubject {
  state: ArticleState;
  spikedFrom?: ArticleState | undefined;
  createdBy?: string | undefined;
  returnNote?: string | undefined;
  publishAt: string | null;
}

export interface Actor {
  role: Role;
  name: string;
}

/** What a transition writes: the new state and the service-owned fields that go with it. */
export interface TransitionPlan {
  action: TransitionAction;
  state: ArticleState;
  spikedFrom: Exclude<ArticleState, 'spiked'> | undefined;
  returnNote: string | undefined;
}

export type TransitionRefusal = 'no-edge' | 'not-allowed' | 'note-required' | 'publish-at-required';

export const RETURN_NOTE_MAX = 5_000;

export function isOwner(subject: Pick<LifecycleSubject, 'createdBy'>, actor: Actor): boolean {
  const writer = comparableName(subject.createdBy ?? '');
  return writer === '' || writer === comparableName(actor.name);
}

/** Where restore would take a spiked article. */
export function restoreTarget(subject: Pick<LifecycleSubject, 'spikedFrom'>): ArticleState {
  return subject.spikedFrom && subject.spikedFrom !== 'spiked' ? subject.spikedFrom : 'draft';
}

/**
 * Decides `subject.state → to` for `actor`. Returns the fields to write, or throws
 * INVALID_TRANSITION with `reason` (a TransitionRefusal) and the facts that led to it.
 */
export function planTransition(
  subject: LifecycleSubject,
  to: ArticleState,
  actor: Actor,
  input: { note?: string | undefined } = {},
): TransitionPlan {
  const refuse = (reason: TransitionRefusal): never => {
    throw new NewsdeskError('INVALID_TRANSITION', { from: subject.state, to, role: actor.role, reason });
  };
  const candidates = TRANSITIONS.filter((edge) => edge.from.includes(subject.state) && targetOf(edge, subject) === to);
  if (candidates.length === 0) return refuse('no-edge');
  const edge = candidates.find((candidate) => permits(candidate, subject, actor));
  if (!edge) return refuse('not-allowed');
  const note = (input.note ?? '').trim();
  if (edge.needs === 'note' && note === '') return refuse('note-required');
  if (edge.needs === 'publishAt' && !subject.publishAt) return refuse('publish-at-required');
  return {
    action: edge.action,
    state: to,
    spikedFrom: spikedFromAfter(edge.action, subject),
    returnNote:
      edge.action === 'return' ? note.slice(0, RETURN_NOTE_MAX) : edge.action === 'approve' ? undefined : subject.returnNote,
  };
}

export interface AvailableTransition {
  action: TransitionAction;
  to: ArticleState;
  needs: 'note' | 'publishAt' | undefined;
}

/** What `actor` may do with `subject` now, one entry per target state, in table order. */
export function availableTransitions(subject: LifecycleSubject, actor: Actor): AvailableTransition[] {
  const seen = new Set<ArticleState>();
  const out: AvailableTransition[] = [];
  for (const edge of TRANSITIONS) {
    if (!edge.from.includes(subject.state) || !permits(edge, subject, actor)) continue;
    const to = targetOf(edge, subject);
    if (seen.has(to)) continue;
    seen.add(to);
    out.push({ action: edge.action, to, needs: edge.needs });
  }
  return out;
}

/** The target of a bulk action for one article, or null if the action does not apply to it. */
export function bulkTarget(subject: Pick<LifecycleSubject, 'state' | 'spikedFrom'>, action: 'spike' | 'restore'): ArticleState | null {
  if (action === 'spike') return subject.state === 'spiked' ? null : 'spiked';
  return subject.state === 'spiked' ? restoreTarget(subject) : null;
}

function spikedFromAfter(action: TransitionAction, subject: LifecycleSubject): TransitionPlan['spikedFrom'] {
  if (action === 'restore') return undefined;
  const kept = action === 'spike' ? subject.state : subject.spikedFrom;
  return kept === 'spiked' ? undefined : kept;
}

function targetOf(edge: TransitionEdge, subject: LifecycleSubject): ArticleState {
  return edge.to === 'previous' ? restoreTarget(subject) : edge.to;
}

function permits(edge: TransitionEdge, subject: LifecycleSubject, actor: Actor): boolean {
  const scope = edge.by[actor.role];
  if (!scope) return false;
  if (scope === 'own' && !isOwner(subject, actor)) return false;
  if (edge.previous && !edge.previous.includes(restoreTarget(subject))) return false;
  return true;
}

function comparableName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}
