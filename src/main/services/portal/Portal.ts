import type { Role } from '../../../shared/model/Profile';

/**
 * What the sync engine needs of a portal. WordPressPortal implements it over the REST API; the
 * sync engine and its tests see only this interface. Every method either resolves with data the
 * portal really returned, or rejects with a NewsdeskError whose code is one of the PORTAL_* codes
 * (src/shared/errors.ts). Nothing here retries: the outbox decides (isTransientPortalError).
 */
export interface Portal {
  /** The site as signed in to (normalised: origin + path, no trailing slash). */
  readonly siteUrl: string;
  /** `/wp/v2/users/me?context=edit`: who the application password belongs to, and what they may do. */
  me(): Promise<PortalAccount>;
  /** `context=edit`. PORTAL_NOT_FOUND when it was deleted (or trashed and emptied). */
  getPost(id: number): Promise<PortalPost>;
  /**
   * What the companion plugin (assets/wordpress-plugin/newsdesk-sync) adds on this site, asked
   * once per session; none without the plugin, and none (asked again next time) when the question
   * fails: the stock path is always safe, the plugin only makes it stronger.
   */
  features(): Promise<PortalFeatures>;
  /**
   * With `idempotentCreate`, `key` (the one in the content's marker) goes along and a repeat
   * returns the post the first try made (`replayed`), updated to these fields.
   */
  createPost(fields: PostFields, key?: string): Promise<PortalPost>;
  /**
   * Only the fields given are sent. Safe to repeat: the same PUT twice leaves the same post. With
   * `conditionalUpdate` and `expected` (the version the fields were made against), the portal
   * refuses the write with PORTAL_CHANGED if the post is no longer that version.
   */
  updatePost(id: number, fields: Partial<PostFields>, expected?: PostVersion): Promise<PortalPost>;
  /** Moves to the trash (not a permanent delete). */
  trashPost(id: number): Promise<PortalPost>;
  /**
   * Posts of any status whose content holds `syncMarker(key)`: `?search=<key>&context=edit`,
   * every status the user may see, `author` when given. Used after an ambiguous failure of a
   * create, before creating again.
   */
  findPostsByMarker(key: string, authorId?: number): Promise<PortalPost[]>;
  /**
   * One page of posts, oldest modification first (`orderby=modified&order=asc`), or by id. Posts
   * modified in the same second have no stable order between requests: listChangedPosts (sync)
   * is what reads all of them.
   */
  listPosts(query: PostListQuery): Promise<PostPage>;
  /**
   * `POST /wp/v2/media` with the bytes as the body, caption / alt text / description in the same
   * request (the description carries `syncMarker(upload.key)`), so the marker exists from the
   * moment the attachment does. With `idempotentCreate` the key goes along too, and a repeat
   * returns the attachment the first try made (`replayed`), its fields set to these.
   */
  uploadMedia(upload: MediaUpload): Promise<PortalMedia>;
  updateMedia(id: number, fields: MediaFields): Promise<PortalMedia>;
  getMedia(id: number): Promise<PortalMedia>;
  /** Attachments whose description holds `syncMarker(key)`. */
  findMediaByMarker(key: string, authorId?: number): Promise<PortalMedia[]>;
  /** The bytes of an attachment, only from the site's own origin (PORTAL_REDIRECT otherwise). */
  downloadMedia(sourceUrl: string): Promise<{ bytes: Uint8Array; mime: string }>;
  /**
   * The id of the category or tag with this name (case- and NFC-insensitive), created when absent
   * and the user may create it; null when absent and the role may not create terms.
   */
  termId(taxonomy: 'categories' | 'tags', name: string): Promise<number | null>;
  /** Term names by id (for pulled posts), cached per instance. */
  termNames(taxonomy: 'categories' | 'tags', ids: readonly number[]): Promise<Map<number, string>>;
}

export interface PortalFeatures {
  /** A create carrying the client key is made once: a repeat returns what the first made. */
  idempotentCreate: boolean;
  /** An update carrying the version it was made against is refused (412) if the post moved on. */
  conditionalUpdate: boolean;
}

export const NO_PORTAL_FEATURES: PortalFeatures = Object.freeze({ idempotentCreate: false, conditionalUpdate: false });

/** A post as read: what a conditional update names as the version it replaces. */
export interface PostVersion {
  modifiedGmt: string;
  /** The plugin's revision counter, when the portal sent one. */
  revision?: number;
}

export type PortalStatus = 'draft' | 'pending' | 'future' | 'publish' | 'private' | 'trash';
export const PORTAL_STATUSES: readonly PortalStatus[] = ['draft', 'pending', 'future', 'publish', 'private', 'trash'];

export interface PortalCredentials {
  /** As the user typed it; WordPressPortal normalises it. */
  siteUrl: string;
  username: string;
  /** A WordPress Application Password. Never logged, never in an error, never sent off-origin. */
  appPassword: string;
}

export interface PortalAccount {
  userId: number;
  username: string;
  /** The display name WordPress has for the user. */
  name: string;
  /** WordPress roles as returned (`contributor`, `author`, `editor`, `administrator`, …). */
  roles: string[];
  /** What the UI offers, from the portal's roles and capabilities (roleOf). */
  role: Role;
  can: {
    publish: boolean;
    uploadFiles: boolean;
    editOthers: boolean;
    manageCategories: boolean;
  };
}

export interface PostFields {
  title: string;
  /** Gutenberg block HTML (lexicalToGutenberg), with the sync marker comment first. */
  content: string;
  excerpt: string;
  /** post_name; absent: WordPress keeps the one it has (or derives one from the title). */
  slug?: string;
  status: Exclude<PortalStatus, 'trash'>;
  /** ISO 8601 UTC without offset, as WordPress wants `date_gmt` (`2026-12-02T08:00:00`); for `future`. */
  dateGmt?: string | null;
  categories?: number[];
  tags?: number[];
  /** 0 removes the featured image. */
  featuredMedia?: number;
}

export interface PortalPost {
  id: number;
  status: PortalStatus;
  link: string;
  author: number;
  /** `modified_gmt` as WordPress sends it (`2026-12-02T08:00:00`): the base of every comparison. */
  modifiedGmt: string;
  dateGmt: string | null;
  /** Raw (context=edit) fields, NFC-normalised. */
  title: string;
  content: string;
  excerpt: string;
  categories: number[];
  tags: number[];
  featuredMedia: number;
  /** The companion plugin's counter, bumped by every update (context=edit); absent without it. */
  revision?: number;
  /** A create the portal had made already (a retry with the same key): this is that post. */
  replayed?: boolean;
}

export interface PostListQuery {
  /** `modified_after` (ISO, UTC): modified strictly after. */
  modifiedAfter?: string;
  /** `modified_before` (ISO, UTC): modified strictly before. */
  modifiedBefore?: string;
  /** `orderby`, always ascending: 'modified' (the default) or 'id'. */
  orderBy?: 'modified' | 'id';
  statuses: readonly PortalStatus[];
  author?: number;
  page: number;
  perPage: number;
}

export interface PostPage {
  posts: PortalPost[];
  /** `X-WP-TotalPages`. */
  totalPages: number;
  /** `X-WP-Total`. */
  total: number;
}

export interface MediaFields {
  caption: string;
  altText: string;
  /** Plain text; WordPressPortal adds the marker comment when it has the key. */
  description: string;
}

export interface MediaUpload extends MediaFields {
  bytes: Uint8Array;
  filename: string;
  mime: string;
  /** The client key put in the description as `syncMarker(key)`. */
  key: string;
}

export interface PortalMedia {
  id: number;
  sourceUrl: string;
  mimeType: string;
  modifiedGmt: string;
  author: number;
  /** Raw caption / description (context=edit), NFC. */
  caption: string;
  altText: string;
  description: string;
  /** An upload the portal had made already (a retry with the same key): this is that attachment. */
  replayed?: boolean;
}
