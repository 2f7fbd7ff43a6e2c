import type { ArticleEditable } from '../../shared/model/Article';
import type { FigureFacts } from '../../shared/publishChecks/figuresOf';
import { useI18n } from '../app/i18n';
import { nfcUnlessComposing } from './nfcUnlessComposing';
import { isoToLocalInput, localInputToIso } from './publishAtValue';
import { TagInput } from './TagInput';

export type Metadata = Pick<ArticleEditable, 'lead' | 'byline' | 'dateline' | 'category' | 'tags' | 'publishAt' | 'featuredAssetId' | 'slug'>;

/** The newsroom's usual sections; the field stays free text for anything else. */
const CATEGORIES = ['Thời sự', 'Chính trị', 'Kinh tế', 'Xã hội', 'Văn hoá', 'Giáo dục', 'Y tế', 'Du lịch', 'Thể thao', 'Pháp luật'];

interface MetadataFieldsProps {
  value: Metadata;
  figures: FigureFacts[];
  /** The slug the title folds to: what the post gets while the slug field is left empty. */
  derivedSlug: string;
  onChange(changes: Partial<Metadata>): void;
}

/** Lead, byline, dateline, category, tags, intended publish date and featured photo. */
export function MetadataFields({ value, figures, derivedSlug, onChange }: MetadataFieldsProps) {
  const { t } = useI18n();
  const featuredKnown = value.featuredAssetId === null || figures.some((f) => f.assetId === value.featuredAssetId);
  return (
    <section className="nd-meta" aria-label={t('editor.details')}>
      <label className="nd-meta-lead">
        <span>{t('editor.lead')}</span>
        <textarea
          data-testid="lead-input"
          data-check-field="lead"
          rows={3}
          lang="vi"
          placeholder={t('editor.leadPlaceholder')}
          value={value.lead}
          onChange={(event) => onChange({ lead: nfcUnlessComposing(event) })}
        />
      </label>
      <div className="nd-meta-grid">
        <label>
          <span>{t('editor.byline')}</span>
          <input
            data-testid="byline-input"
            data-check-field="byline"
            lang="vi"
            placeholder={t('editor.bylinePlaceholder')}
            value={value.byline}
            onChange={(event) => onChange({ byline: nfcUnlessComposing(event) })}
          />
        </label>
        <label>
          <span>{t('editor.dateline')}</span>
          <input
            data-testid="dateline-input"
            lang="vi"
            placeholder={t('editor.datelinePlaceholder')}
            value={value.dateline}
            onChange={(event) => onChange({ dateline: nfcUnlessComposing(event) })}
          />
        </label>
        <label>
          <span>{t('editor.category')}</span>
          <input
            data-testid="category-input"
            data-check-field="category"
            lang="vi"
            list="nd-categories"
            value={value.category}
            onChange={(event) => onChange({ category: nfcUnlessComposing(event) })}
          />
          <datalist id="nd-categories">
            {CATEGORIES.map((category) => (
              <option key={category} value={category} />
            ))}
          </datalist>
        </label>
        <label>
          <span>{t('editor.publishAt')}</span>
          <input
            type="datetime-local"
            data-testid="publish-at-input"
            value={isoToLocalInput(value.publishAt)}
            onChange={(event) => onChange({ publishAt: localInputToIso(event.target.value) })}
          />
        </label>
        <label>
          <span>{t('editor.featured')}</span>
          <select
            data-testid="featured-select"
            data-check-field="featured"
            value={value.featuredAssetId ?? ''}
            onChange={(event) => onChange({ featuredAssetId: event.target.value || null })}
          >
            <option value="">{t('editor.featuredNone')}</option>
            {figures.map((figure, index) => (
              // An empty photo slot keeps its number (as in the checklist) but cannot be chosen.
              <option key={`${figure.assetId}-${index}`} value={figure.assetId} disabled={figure.assetId === ''}>
                {t('editor.featuredFigure', { n: index + 1, caption: figure.caption.slice(0, 60) })}
              </option>
            ))}
            {!featuredKnown && <option value={value.featuredAssetId ?? ''}>{value.featuredAssetId}</option>}
          </select>
        </label>
      </div>
      <label className="nd-meta-slug">
        <span>{t('editor.slug')}</span>
        <input
          data-testid="slug-input"
          data-check-field="slug"
          spellCheck={false}
          placeholder={derivedSlug}
          title={t('editor.slugHint', { slug: derivedSlug })}
          value={value.slug}
          onChange={(event) => onChange({ slug: nfcUnlessComposing(event) })}
        />
      </label>
      <div className="nd-meta-tags">
        <span>{t('editor.tags')}</span>
        <TagInput tags={value.tags} onChange={(tags) => onChange({ tags })} />
      </div>
    </section>
  );
}
