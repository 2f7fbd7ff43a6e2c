import { describe, expect, it } from 'vitest';
import { roleOf } from '../../../../../src/main/services/portal/roleOf';

// The capabilities WordPress 6.1 sends in users/me for its default roles (trimmed to those that matter).
const CONTRIBUTOR = { edit_posts: true, read: true, delete_posts: true, contributor: true };
const AUTHOR = { ...CONTRIBUTOR, upload_files: true, publish_posts: true, edit_published_posts: true, author: true };
const EDITOR = { ...AUTHOR, edit_others_posts: true, manage_categories: true, unfiltered_html: true, editor: true };

describe('roleOf', () => {
  it('maps the default roles by their capabilities', () => {
    expect(roleOf(['contributor'], CONTRIBUTOR)).toBe('reporter');
    expect(roleOf(['author'], AUTHOR)).toBe('photographer');
    expect(roleOf(['editor'], EDITOR)).toBe('editor');
    expect(roleOf(['administrator'], { ...EDITOR, manage_options: true })).toBe('editor');
  });

  it('lets capabilities win over role names (renamed or custom roles)', () => {
    expect(roleOf(['bien-tap-vien'], EDITOR)).toBe('editor');
    // An "author" whose site took away upload_files cannot be the photo desk.
    expect(roleOf(['author'], { ...AUTHOR, upload_files: false })).toBe('reporter');
    expect(roleOf(['contributor'], { ...CONTRIBUTOR, edit_others_posts: true })).toBe('editor');
    expect(roleOf(['phong-vien-anh'], { edit_posts: true, upload_files: 1, publish_posts: 1 })).toBe('photographer');
  });

  it('falls back to role names when no capability is granted or sent', () => {
    expect(roleOf(['editor'])).toBe('editor');
    expect(roleOf(['administrator'], {})).toBe('editor');
    expect(roleOf(['author'], { upload_files: false })).toBe('photographer');
    expect(roleOf(['contributor'])).toBe('reporter');
    expect(roleOf([])).toBe('reporter');
    expect(roleOf(['subscriber'])).toBe('reporter');
  });
});
