import { Emitter } from '../../../shared/Emitter';
import { DEFAULT_PROFILE, profileSchema, type Profile } from '../../../shared/model/Profile';
import type { SettingsStore } from './SettingsStore';

const PROFILE_KEY = 'profile';

/**
 * Who is at the keyboard: a name (recorded as the writer of new articles) and a role (what the
 * lifecycle lets them do). One profile per data dir; services read it, callers never pass a role.
 */
export class ProfileService {
  readonly changes = new Emitter<Profile>();

  constructor(private readonly settings: SettingsStore) {}

  get(): Profile {
    // A damaged or hand-edited value must not lock anyone out: fall back to the default.
    const parsed = profileSchema.safeParse(this.settings.get(PROFILE_KEY));
    return parsed.success ? parsed.data : { ...DEFAULT_PROFILE };
  }

  set(input: Profile): Profile {
    const parsed = profileSchema.parse(input);
    const profile: Profile = { name: parsed.name.normalize('NFC').replace(/\s+/g, ' '), role: parsed.role };
    this.settings.set(PROFILE_KEY, profile);
    this.changes.emit(profile);
    return profile;
  }
}
