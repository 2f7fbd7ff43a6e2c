import { useRef, useState } from 'react';
import type { Bridge } from '../app/bridge';
import { useI18n } from '../app/i18n';
import { AccountPanel } from './AccountPanel';
import { usePortalAccount } from './usePortalAccount';

/** The header's "Tài khoản cổng" button and the panel it opens. */
export function AccountButton({ bridge }: { bridge: Bridge }) {
  const { t } = useI18n();
  const account = usePortalAccount(bridge);
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="nd-account-anchor">
      <button
        ref={button}
        type="button"
        className="nd-account-button"
        data-testid="account-button"
        data-signed-in={account ? 'true' : 'false'}
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        {t('account.button')}
        {account && <span className="nd-account-who"> · {account.username}</span>}
      </button>
      {open && <AccountPanel bridge={bridge} account={account} onClose={close} />}
    </div>
  );
}
