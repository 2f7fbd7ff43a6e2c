import type { Role } from '../../../shared/model/Profile';

/**
 * What the UI offers a portal account. Capabilities decide when WordPress sends them (a site may
 * rename roles or give a custom role the rights of another); the role names are the fallback:
 * contributor → reporter, author → photographer (publishes own work, uploads), editor and
 * administrator → editor.
 */
export function roleOf(roles: readonly string[], capabilities?: Readonly<Record<string, unknown>>): Role {
  if (capabilities && Object.values(capabilities).some(granted)) {
    if (granted(capabilities.edit_others_posts)) return 'editor';
    if (granted(capabilities.publish_posts) && granted(capabilities.upload_files)) return 'photographer';
    return 'reporter';
  }
  if (roles.includes('editor') || roles.includes('administrator')) return 'editor';
  if (roles.includes('author')) return 'photographer';
  return 'reporter';
}

/** WordPress sends `true`; a capability stored by a plugin may come back as 1. */
function granted(value: unknown): boolean {
  return value === true || value === 1;
}
