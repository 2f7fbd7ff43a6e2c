import { useEffect, useState, type FormEvent } from 'react';
import { NewsdeskError } from '../../shared/errors';
import { ROLES, type Role } from '../../shared/model/Profile';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { errorKey, type MessageKey } from '../app/messages';
import { usePortalAccount } from '../sync/usePortalAccount';
import { useProfile } from './useProfile';
import './settings.css';

/** The header's "who am I" button and its small form: name and role, saved in the data dir. */
export function ProfileSettings({ bridge }: { bridge: Bridge }) {
  const { t } = useI18n();
  const profile = useProfile(bridge);
  // Signed in to the portal, the portal's role applies: the local picker would only mislead.
  const account = usePortalAccount(bridge);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('reporter');
  const [problem, setProblem] = useState<MessageKey | null>(null);

  useEffect(() => {
    if (open && profile) {
      setName(profile.name);
      setRole(profile.role);
      setProblem(null);
    }
  }, [open, profile]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    bridge.invoke('profile.set', { name: name.normalize('NFC'), role }).then(
      () => setOpen(false),
      (error: unknown) => setProblem(errorKey(error instanceof NewsdeskError ? error.code : 'INTERNAL')),
    );
  };

  return (
    <div className="nd-profile">
      <button
        type="button"
        className="nd-profile-button"
        data-testid="profile-button"
        data-role={profile?.role ?? ''}
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        {profile
          ? t('profile.button', { name: profile.name || t('profile.anonymous'), role: t(`role.${profile.role}`) })
          : '…'}
      </button>
      {open && (
        <form
          className="nd-profile-form"
          aria-label={t('profile.heading')}
          onSubmit={submit}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setOpen(false);
          }}
        >
          <h2>{t('profile.heading')}</h2>
          <label>
            {t('profile.name')}
            <input
              data-testid="profile-name"
              value={name}
              maxLength={200}
              autoFocus
              lang="vi"
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <label>
            {t('profile.role')}
            <select
              data-testid="profile-role"
              value={role}
              disabled={Boolean(account)}
              aria-describedby={account ? 'nd-profile-role-portal' : undefined}
              onChange={(event) => setRole(event.target.value as Role)}
            >
              {ROLES.map((option) => (
                <option key={option} value={option}>
                  {t(`role.${option}`)}
                </option>
              ))}
            </select>
          </label>
          {account && (
            <p className="nd-profile-hint" id="nd-profile-role-portal" data-testid="profile-role-portal">
              {t('profile.rolePortal', { username: account.username })}
            </p>
          )}
          <p className="nd-profile-hint">{t('profile.hint')}</p>
          {problem && (
            <p role="alert" className="nd-profile-problem">
              {t(problem)}
            </p>
          )}
          <div className="nd-profile-actions">
            <button type="submit" data-testid="profile-save">
              {t('profile.save')}
            </button>
            <button type="button" className="nd-secondary" onClick={() => setOpen(false)}>
              {t('profile.close')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
