import { z } from 'zod';

/**
 * The newsroom's roles. Reporters and photographers write (a photo story is an article too);
 * editors run the desk: review, return, approve, schedule, publish.
 */
export const ROLES = ['reporter', 'photographer', 'editor'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Who is using this machine. Local and unauthenticated: a desk tool, not an access control system. */
export const profileSchema = z.object({
  name: z.string().trim().max(200),
  role: roleSchema,
});
export type Profile = z.infer<typeof profileSchema>;

export const DEFAULT_PROFILE: Profile = { name: '', role: 'reporter' };
