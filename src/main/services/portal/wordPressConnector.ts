import type { PortalConnector } from './PortalAccountService';
import { WordPressPortal } from './WordPressPortal';

/** The account service's way to the portal: WordPress's REST API with an application password. */
export function wordPressConnector(): PortalConnector {
  return {
    signIn: (credentials) => WordPressPortal.signIn(credentials),
    open: (credentials) => new WordPressPortal(credentials),
  };
}
