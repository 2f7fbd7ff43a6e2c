import { useI18n } from '../../../app/i18n';
import './UnknownView.css';

export function UnknownView({ type, text, inline }: { type: string; text: string; inline: boolean }) {
  const { t } = useI18n();
  const Tag = inline ? 'span' : 'div';
  return (
    <Tag className="nd-unknown-view" data-testid="unknown-node" data-node-type={type} title={t('unknownNode.label')}>
      <span className="nd-unknown-label">🔒 {t('unknownNode.label')}</span>
      {text !== '' && <span className="nd-unknown-text">{text}</span>}
    </Tag>
  );
}
