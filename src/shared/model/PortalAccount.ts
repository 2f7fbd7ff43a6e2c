import { z } from 'zod';
import { roleSchema } from './Profile';

/** The portal's post statuses (WordPress), as the sync engine and the queue name them. */
export const PORTAL_STATUS_VALUES = ['draft', 'pending', 'future', 'publish', 'private', 'trash'] as const;
export const portalStatusSchema = z.enum(PORTAL_STATUS_VALUES);

/** What the renderer learns of the signed-in portal account: never the application password. */
export const portalAccountViewSchema = z.object({
  siteUrl: z.string(),
  username: z.string(),
  name: z.string(),
  userId: z.number().int(),
  /** WordPress's roles, as the portal named them. */
  roles: z.array(z.string()),
  /** What Newsdesk offers this user, decided from the portal's roles and capabilities. */
  role: roleSchema,
  can: z.object({
    publish: z.boolean(),
    uploadFiles: z.boolean(),
    editOthers: z.boolean(),
    manageCategories: z.boolean(),
  }),
  /** Plain HTTP to a host other than this machine: the password crosses the network readable. */
  insecure: z.boolean(),
  /** Where the password is kept: the OS keychain (desktop) or an encrypted file (web edition). */
  vault: z.enum(['os-keychain', 'key-file']),
});
export type PortalAccountView = z.infer<typeof portalAccountViewSchema>;

export const signInInputSchema = z.object({
  siteUrl: z.string().trim().min(1).max(2_000),
  username: z.string().trim().min(1).max(200),
  // Application Passwords are 24 letters in groups of four; spaces as WordPress shows them are fine.
  appPassword: z.string().min(1).max(200),
});
