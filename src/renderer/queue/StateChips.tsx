import { memo } from 'react';
import { ARTICLE_STATES, type ArticleState } from '../../shared/model/Article';
import { useI18n } from '../app/i18n';
import type { StateCounts, StateFilter } from './queueView';

const CHIPS: readonly StateFilter[] = ['active', ...ARTICLE_STATES];

/** One chip per state with its count; the spiked chip is the trash. Memoised: the queue re-renders as it scrolls. */
export const StateChips = memo(function StateChips({
  counts,
  unconfirmed,
  value,
  onChange,
}: {
  counts: StateCounts;
  /** Per state that claims something of the portal: how many of its articles the portal has not borne out. */
  unconfirmed?: Partial<Record<ArticleState, number>>;
  value: StateFilter;
  onChange(next: StateFilter): void;
}) {
  const { t } = useI18n();
  return (
    <div className="nd-chips" role="group" aria-label={t('queue.states')}>
      {CHIPS.map((chip) => (
        <button
          key={chip}
          type="button"
          className="nd-chip"
          aria-pressed={value === chip}
          data-testid={`state-chip-${chip}`}
          data-count={counts[chip]}
          onClick={() => onChange(chip)}
        >
          {chip === 'active' ? t('queue.all') : t(`state.${chip}`)} <span className="nd-chip-count">{counts[chip]}</span>
          {chip !== 'active' && (unconfirmed?.[chip] ?? 0) > 0 && (
            <span className="nd-chip-unconfirmed" data-testid={`state-chip-unconfirmed-${chip}`}>
              {' '}
              {t('queue.chip.unconfirmed', { count: unconfirmed?.[chip] ?? 0 })}
            </span>
          )}
        </button>
      ))}
    </div>
  );
});
