import { useContext, useState } from 'react';
import { NewsdeskError } from '../../shared/errors';
import type { PortalAccountView } from '../../shared/model/PortalAccount';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey, type MessageKey } from '../app/messages';
import { ArticleSyncsContext } from './ArticleSyncsContext';
import { SignInForm } from './SignInForm';
import './sync.css';

interface AccountPanelProps {
  bridge: Bridge;
  /** undefined while unknown, null when nobody is signed in. */
  account: PortalAccountView | null | undefined;
  onClose(): void;
}

/** "Tài khoản cổng": sign in, or who is signed in, what the portal lets them do, and sign out. */
export function AccountPanel({ bridge, account, onClose }: AccountPanelProps) {
  const { t } = useI18n();
  const syncs = useContext(ArticleSyncsContext);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [working, setWorking] = useState(false);
  // The answer of sync.setDrafts, until the status event brings the same.
  const [drafts, setDrafts] = useState<boolean | null>(null);
  const syncDrafts = drafts ?? syncs.status?.syncDrafts ?? false;

  const report = (error: unknown) => setProblem(errorKey(error instanceof NewsdeskError ? error.code : 'INTERNAL'));

  const signOut = () => {
    setWorking(true);
    setProblem(null);
    bridge.invoke('portal.signOut', {}).then(
      () => setWorking(false),
      (error: unknown) => {
        setWorking(false);
        report(error);
      },
    );
  };

  const changeDrafts = (value: boolean) => {
    setProblem(null);
    setDrafts(value);
    bridge.invoke('sync.setDrafts', { syncDrafts: value }).then(
      (status) => setDrafts(status.syncDrafts),
      (error: unknown) => {
        setDrafts(null);
        report(error);
      },
    );
  };

  return (
    <section
      className="nd-account"
      aria-labelledby="nd-account-heading"
      data-testid="account-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="nd-account-bar">
        <h2 id="nd-account-heading">{t('account.heading')}</h2>
        <button type="button" className="nd-secondary" onClick={onClose}>
          {t('account.close')}
        </button>
      </header>
      {account === null && <SignInForm bridge={bridge} />}
      {account && (
        <div data-testid="portal-account">
          <dl className="nd-account-facts">
            <dt>{t('account.site')}</dt>
            <dd data-testid="portal-account-site">{account.siteUrl}</dd>
            <dt>{t('account.user')}</dt>
            <dd data-testid="portal-account-user">{t('account.userValue', { name: account.name || account.username, username: account.username })}</dd>
            <dt>{t('account.role')}</dt>
            <dd data-testid="portal-account-role" data-role={account.role}>
              {t('account.roleValue', {
                role: t(`role.${account.role}`),
                roles: account.roles.length > 0 ? account.roles.join(', ') : t('account.noRoles'),
              })}
            </dd>
          </dl>
          {account.insecure && (
            <p role="alert" className="nd-account-warning" data-testid="portal-insecure">
              {t('account.insecure')}
            </p>
          )}
          {!account.can.uploadFiles && (
            <p className="nd-account-warning" data-testid="portal-no-upload">
              {t('account.noUpload')}
            </p>
          )}
          <p className="nd-account-hint" data-testid="portal-vault">
            {t(`account.vault.${account.vault}`)}
          </p>
          <label className="nd-account-check">
            <input type="checkbox" data-testid="portal-sync-drafts" checked={syncDrafts} onChange={(event) => changeDrafts(event.target.checked)} />{' '}
            {t('account.syncDrafts')}
          </label>
          <button type="button" className="nd-danger" data-testid="portal-signout" disabled={working} onClick={signOut}>
            {t('account.signOut')}
          </button>
        </div>
      )}
      {problem && (
        <p role="alert" className="nd-sync-problem">
          {t(problem)}
        </p>
      )}
    </section>
  );
}
