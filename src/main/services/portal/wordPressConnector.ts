import type { PortalConnector } from './PortalAccountService';
import { WordPressPortal, type WordPressConnectionOptions } from './WordPressPortal';

/** The account service's way to the portal: WordPress's REST API with an application password. */
export function wordPressConnector(options: WordPressConnectionOptions = {}): PortalConnector {
  return {
    signIn: (credentials) => WordPressPortal.signIn(credentials, options),
    open: (credentials) => new WordPressPortal({ ...credentials, ...options }),
  };
}
