import { useState, type KeyboardEvent } from 'react';
import { useI18n } from '../app/i18n';

const MAX_TAGS = 100;

/** Tags as chips: a comma or Enter turns the typed text into a tag; Backspace on empty removes the last. */
export function TagInput({ tags, onChange }: { tags: string[]; onChange(tags: string[]): void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');

  const add = (raw: string) => {
    const next = [...tags];
    for (const part of raw.split(',')) {
      const tag = part.normalize('NFC').trim().replace(/\s+/g, ' ').slice(0, 200);
      if (tag && !next.some((existing) => existing.toLocaleLowerCase('vi') === tag.toLocaleLowerCase('vi'))) next.push(tag);
    }
    if (next.length !== tags.length) onChange(next.slice(0, MAX_TAGS));
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(text);
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };

  return (
    <div className="nd-tags" data-testid="tags">
      <ul className="nd-tag-list">
        {tags.map((tag) => (
          <li key={tag} className="nd-tag" data-testid="tag">
            <span>{tag}</span>
            <button
              type="button"
              aria-label={t('editor.tagRemove', { tag })}
              title={t('editor.tagRemove', { tag })}
              onClick={() => onChange(tags.filter((other) => other !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        aria-label={t('editor.tags')}
        placeholder={t('editor.tagsPlaceholder')}
        data-testid="tag-input"
        value={text}
        lang="vi"
        onChange={(event) => {
          const value = event.target.value;
          // A comma typed through an IME or pasted in the middle also splits.
          if (value.includes(',') && !(event.nativeEvent as InputEvent).isComposing) add(value);
          else setText(value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => text.trim() && add(text)}
      />
    </div>
  );
}
