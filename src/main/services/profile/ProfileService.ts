import { Emitter } from '../../../shared/Emitter';
import { DEFAULT_PROFILE, profileSchema, type Profile, type Role } from '../../../shared/model/Profile';
import type { SettingsStore } from './SettingsStore';

const PROFILE_KEY = 'profile';

/**
 * Who is at the keyboard: a name (recorded as the writer of new articles) and a role (what the
 * lifecycle lets them do). One profile per data dir; services read it, callers never pass a role.
 */
export class ProfileService {
  readonly changes = new Emitter<Profile>();

  /**
   * `portalRole`: the role the signed-in portal account gives (contributor → reporter, …). While
   * it answers, it decides the role and the local picker is ignored: the portal is the authority.
   */
  constructor(
    private readonly settings: SettingsStore,
    private readonly portalRole: () => Role | null = () => null,
  ) {}

  get(): Profile {
    // A damaged or hand-edited value must not lock anyone out: fall back to the default.
    const parsed = profileSchema.safeParse(this.settings.get(PROFILE_KEY));
    const profile = parsed.success ? parsed.data : { ...DEFAULT_PROFILE };
    const role = this.portalRole();
    return role ? { ...profile, role } : profile;
  }

  /** Tells listeners the profile may have changed (the portal account, and with it the role). */
  announce(): void {
    this.changes.emit(this.get());
  }

  set(input: Profile): Profile {
    const parsed = profileSchema.parse(input);
    const profile: Profile = { name: parsed.name.normalize('NFC').replace(/\s+/g, ' '), role: parsed.role };
    this.settings.set(PROFILE_KEY, profile);
    const effective = this.get();
    this.changes.emit(effective);
    return effective;
  }
}
