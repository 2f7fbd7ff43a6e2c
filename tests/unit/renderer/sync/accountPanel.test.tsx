// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest';
import { NewsdeskError } from '../../../../src/shared/errors';
import type { PortalAccountView } from '../../../../src/shared/model/PortalAccount';
import { AccountPanel } from '../../../../src/renderer/sync/AccountPanel';
import { SignInForm } from '../../../../src/renderer/sync/SignInForm';
import { byTestId, click, fakeHost, flush, mount, type } from './fakeHost';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: { unmount(): Promise<void> }[] = [];
afterEach(async () => {
  for (const view of mounted.splice(0)) await view.unmount();
});

const PASSWORD = 'abcd EFGH 1234 ijkl MNOP 5678';

const contributor: PortalAccountView = {
  siteUrl: 'http://cualo.example',
  username: 'hung.nv',
  name: 'Nguyễn Văn Hùng',
  userId: 7,
  roles: ['contributor'],
  role: 'reporter',
  can: { publish: false, uploadFiles: false, editOthers: false, manageCategories: false },
  insecure: true,
  vault: 'key-file',
};

async function fillAndSubmit(container: HTMLElement) {
  await type(byTestId(container, 'portal-site'), 'http://127.0.0.1:9');
  await type(byTestId(container, 'portal-username'), 'hung.nv');
  await type(byTestId<HTMLInputElement>(container, 'portal-password'), PASSWORD);
  const form = byTestId<HTMLFormElement>(container, 'portal-signin');
  await click(byTestId(form, 'portal-signin-submit'));
}

it('a refused sign-in shows the translated reason and leaves the password field empty', async () => {
  let answer: () => void = () => undefined;
  const host = fakeHost({
    'portal.signIn': () => new Promise((_resolve, reject) => (answer = () => reject(new NewsdeskError('PORTAL_UNREACHABLE')))),
  });
  const view = await mount(<SignInForm bridge={host.bridge} />);
  mounted.push(view);
  const password = byTestId<HTMLInputElement>(view.container, 'portal-password');
  expect(password.type).toBe('password');
  expect(password.autocomplete).toBe('off');

  await fillAndSubmit(view.container);
  // Busy while the portal is asked: the form is disabled and says so; the password is already gone.
  expect(byTestId(view.container, 'portal-signin').getAttribute('aria-busy')).toBe('true');
  expect(view.container.querySelector('fieldset')!.disabled).toBe(true);
  expect(password.value).toBe('');
  answer();
  await flush();

  expect(host.callsOf('portal.signIn')).toEqual([{ siteUrl: 'http://127.0.0.1:9', username: 'hung.nv', appPassword: PASSWORD }]);
  expect(byTestId(view.container, 'portal-signin-problem').textContent).toContain('Không kết nối được cổng thông tin');
  expect(password.value).toBe('');
  expect(view.container.querySelector('fieldset')!.disabled).toBe(false);
  expect(view.container.textContent).not.toContain(PASSWORD);
});

it('signed in: site, user, the portal’s role, the insecure and no-upload warnings, the vault, drafts and sign out', async () => {
  const host = fakeHost({
    'sync.setDrafts': ({ syncDrafts }) => ({ configured: true, online: true, running: false, waiting: 0, blocked: 0, lastSyncAt: null, lastError: null, syncDrafts }),
    'portal.signOut': () => ({ signedOut: true }),
  });
  const view = await mount(<AccountPanel bridge={host.bridge} account={contributor} onClose={() => undefined} />);
  mounted.push(view);
  const { container } = view;
  expect(byTestId(container, 'portal-account-site').textContent).toBe('http://cualo.example');
  expect(byTestId(container, 'portal-account-user').textContent).toBe('Nguyễn Văn Hùng (hung.nv)');
  expect(byTestId(container, 'portal-account-role').textContent).toBe('Phóng viên — theo vai trò trên cổng: contributor');
  expect(byTestId(container, 'portal-insecure').textContent).toContain('HTTP không mã hoá');
  expect(byTestId(container, 'portal-no-upload').textContent).toContain('ảnh sẽ chờ trong hộp thư đi');
  expect(byTestId(container, 'portal-vault').textContent).toContain('tệp mã hoá');
  expect(container.querySelector('[data-testid="portal-signin"]')).toBeNull();

  const drafts = byTestId<HTMLInputElement>(container, 'portal-sync-drafts');
  expect(drafts.checked).toBe(false);
  await click(drafts);
  await flush();
  expect(host.callsOf('sync.setDrafts')).toEqual([{ syncDrafts: true }]);
  expect(drafts.checked).toBe(true);

  await click(byTestId(container, 'portal-signout'));
  expect(host.callsOf('portal.signOut')).toEqual([{}]);
});

it('an author with upload rights over https sees neither warning, and the keychain named', async () => {
  const host = fakeHost({});
  const author: PortalAccountView = { ...contributor, siteUrl: 'https://cualo.vn', roles: ['author'], can: { ...contributor.can, publish: true, uploadFiles: true }, insecure: false, vault: 'os-keychain' };
  const view = await mount(<AccountPanel bridge={host.bridge} account={author} onClose={() => undefined} />);
  mounted.push(view);
  expect(view.container.querySelector('[data-testid="portal-insecure"]')).toBeNull();
  expect(view.container.querySelector('[data-testid="portal-no-upload"]')).toBeNull();
  expect(byTestId(view.container, 'portal-vault').textContent).toContain('kho khoá của hệ điều hành');
});

