import { useState, type FormEvent } from 'react';
import { NewsdeskError } from '../../shared/errors';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey, type MessageKey } from '../app/messages';

/**
 * Site, user name and application password, checked by the portal. The password lives in this
 * form's state only while the request is out: it is cleared whatever the answer, and never shown.
 */
export function SignInForm({ bridge }: { bridge: Bridge }) {
  const { t } = useI18n();
  const [siteUrl, setSiteUrl] = useState('');
  const [username, setUsername] = useState('');
  const [appPassword, setAppPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<MessageKey | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const input = { siteUrl: siteUrl.trim(), username: username.trim(), appPassword };
    setAppPassword('');
    // On success the panel shows the account (portal.account event); the form goes away.
    bridge.invoke('portal.signIn', input).then(
      () => setBusy(false),
      (error: unknown) => {
        setBusy(false);
        setProblem(errorKey(error instanceof NewsdeskError ? error.code : 'INTERNAL'));
      },
    );
  };

  return (
    <form className="nd-signin" onSubmit={submit} aria-busy={busy} data-testid="portal-signin">
      <p className="nd-account-hint">{t('account.intro')}</p>
      <fieldset disabled={busy}>
        <label>
          {t('account.siteUrl')}
          <input
            data-testid="portal-site"
            value={siteUrl}
            required
            maxLength={2_000}
            inputMode="url"
            autoComplete="url"
            spellCheck={false}
            placeholder={t('account.siteUrlPlaceholder')}
            autoFocus
            onChange={(event) => setSiteUrl(event.target.value)}
          />
        </label>
        <label>
          {t('account.username')}
          <input
            data-testid="portal-username"
            value={username}
            required
            maxLength={200}
            autoComplete="username"
            spellCheck={false}
            onChange={(event) => setUsername(event.target.value)}
          />
        </label>
        <label>
          {t('account.appPassword')}
          <input
            data-testid="portal-password"
            type="password"
            value={appPassword}
            required
            maxLength={200}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setAppPassword(event.target.value)}
          />
        </label>
        <p className="nd-account-hint">{t('account.appPasswordHint')}</p>
        <button type="submit" data-testid="portal-signin-submit">
          {t('account.signIn')}
        </button>
      </fieldset>
      {busy && (
        <p role="status" className="nd-account-hint">
          {t('account.signingIn')}
        </p>
      )}
      {problem && (
        <p role="alert" className="nd-sync-problem" data-testid="portal-signin-problem">
          {t(problem)}
        </p>
      )}
    </form>
  );
}
