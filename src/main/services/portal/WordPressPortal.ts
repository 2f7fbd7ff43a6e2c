import { z } from 'zod';
import { syncMarker } from '../../../shared/content/syncMarker';
import { NewsdeskError, isNewsdeskError } from '../../../shared/errors';
import { normalizeDeep } from '../../../shared/text/normalizeText';
import { contentDisposition } from './contentDisposition';
import { normalizeSiteUrl } from './normalizeSiteUrl';
import {
  NO_PORTAL_FEATURES,
  type MediaFields,
  type MediaUpload,
  type Portal,
  type PortalFeatures,
  type PortalAccount,
  type PortalCredentials,
  type PortalMedia,
  type PortalPost,
  type PostFields,
  type PostListQuery,
  type PostPage,
  type PostVersion,
} from './Portal';
import { PortalHttp, type PortalAnswer } from './PortalHttp';
import { roleOf } from './roleOf';

export interface WordPressPortalOptions {
  siteUrl: string;
  username: string;
  appPassword: string;
  /** Only for unit tests of the mapping; everything else uses the real fetch. */
  fetch?: typeof fetch;
  /** Per request, redirects and body included. Default 30 s. */
  timeoutMs?: number;
  /** Largest JSON answer read. Default 16 MB. */
  maxJsonBytes?: number;
  /** Largest download (downloadMedia). Default 64 MB. */
  maxMediaBytes?: number;
}

export type WordPressConnectionOptions = Omit<WordPressPortalOptions, 'siteUrl' | 'username' | 'appPassword'>;

export interface WordPressSignIn {
  portal: WordPressPortal;
  account: PortalAccount;
  /** Plain http to another machine: the application password crosses the network readable. */
  insecure: boolean;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_JSON_BYTES = 16 * 1024 * 1024;
const DEFAULT_MAX_MEDIA_BYTES = 64 * 1024 * 1024;
/** Every status a create can leave a post in (trash excepted): what a marker search must cover. */
const LIVE_STATUSES = 'draft,pending,future,publish,private';
const PER_PAGE_MAX = 100;
/**
 * Servers refuse long request lines (Apache's default is 8190 bytes, nginx 8 KB): a media upload
 * whose fields would make the URL longer sends only the marker with the bytes, then the rest.
 */
const MAX_UPLOAD_URL = 6_000;

/** What WordPress answers on the REST index when a plugin or the host has switched REST off. */
const REST_DISABLED_CODES = new Set(['rest_disabled', 'rest_cannot_access', 'rest_not_logged_in']);
/** What WordPress answers when the user name or application password is the problem. */
const CREDENTIAL_CODES = new Set([
  'invalid_username',
  'invalid_email',
  'incorrect_password',
  'application_passwords_disabled',
  'application_passwords_disabled_for_user',
]);
const WP_CODE = /^[A-Za-z0-9_.-]{1,100}$/;
/** The companion plugin's REST namespace (assets/wordpress-plugin/newsdesk-sync). */
const PLUGIN_NAMESPACE = 'newsdesk/v1';

const rawText = z.object({ raw: z.string() });
const gmtStamp = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
const postSchema = z.object({
  id: z.number().int(),
  status: z.enum(['draft', 'pending', 'future', 'publish', 'private', 'trash']),
  link: z.string(),
  author: z.number().int(),
  modified_gmt: gmtStamp,
  date_gmt: gmtStamp.nullable(),
  title: rawText,
  content: rawText,
  excerpt: rawText,
  categories: z.array(z.number().int()).optional(),
  tags: z.array(z.number().int()).optional(),
  featured_media: z.number().int().optional(),
  // Only with the companion plugin.
  newsdesk_rev: z.number().int().nonnegative().optional(),
});
const mediaSchema = z.object({
  id: z.number().int(),
  source_url: z.string(),
  mime_type: z.string(),
  modified_gmt: gmtStamp,
  author: z.number().int(),
  caption: rawText,
  alt_text: z.string(),
  description: rawText,
});
const meSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  // Some security plugins strip it; roleOf then goes by the role names.
  capabilities: z.record(z.string(), z.unknown()).optional(),
});
const termSchema = z.object({ id: z.number().int(), name: z.string() });
const indexSchema = z.object({ namespaces: z.array(z.string()) });
const pluginInfoSchema = z.object({ version: z.string(), features: z.array(z.string()) });

type Query = Record<string, string | number | undefined>;

interface RestCall {
  method: 'GET' | 'POST' | 'DELETE';
  route: string;
  query?: Query;
  json?: unknown;
  body?: Uint8Array;
  headers?: Record<string, string>;
  /** The route names one post, attachment or term: a WordPress 404 there means it is gone. */
  object?: boolean;
}

/**
 * The portal over WordPress's REST API (core only, 6.1 and later), addressed as
 * `<site>/index.php?rest_route=…` so that it works with and without pretty permalinks. Every
 * answer is checked against the shape WordPress sends and NFC-normalised; every failure is one
 * PORTAL_* code whose details hold at most the status, WordPress's error code and the route.
 * Nothing is logged.
 */
export class WordPressPortal implements Portal {
  readonly siteUrl: string;
  readonly #http: PortalHttp;
  readonly #maxJsonBytes: number;
  readonly #maxMediaBytes: number;
  readonly #termNames = { categories: new Map<number, string>(), tags: new Map<number, string>() };
  /** The REST index's namespaces, when sign-in read them (saves a request at the first write). */
  #namespaces: string[] | null = null;
  /** The detection, once per session (per instance); dropped when it failed, to be asked again. */
  #features: Promise<PortalFeatures> | null = null;

  constructor(options: WordPressPortalOptions) {
    this.siteUrl = normalizeSiteUrl(options.siteUrl).siteUrl;
    this.#http = new PortalHttp({
      origin: new URL(this.siteUrl).origin,
      username: options.username,
      appPassword: options.appPassword,
      fetch: options.fetch ?? fetch,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    this.#maxJsonBytes = options.maxJsonBytes ?? DEFAULT_MAX_JSON_BYTES;
    this.#maxMediaBytes = options.maxMediaBytes ?? DEFAULT_MAX_MEDIA_BYTES;
  }

  /**
   * Checks that the address is a WordPress with REST switched on, then who the credentials
   * belong to. The REST index tells "not WordPress" and "REST off" apart before users/me, whose
   * 401 would otherwise say only "wrong password" for all three.
   */
  static async signIn(credentials: PortalCredentials, options: WordPressConnectionOptions = {}): Promise<WordPressSignIn> {
    const { siteUrl, insecure } = normalizeSiteUrl(credentials.siteUrl);
    const portal = new WordPressPortal({ ...options, siteUrl, username: credentials.username.trim(), appPassword: credentials.appPassword });
    await portal.checkRestIndex();
    const account = await portal.me();
    return { portal, account, insecure };
  }

  async me(): Promise<PortalAccount> {
    const { body } = await this.rest({ method: 'GET', route: '/wp/v2/users/me', query: { context: 'edit' } });
    const me = parse(meSchema, body, '/wp/v2/users/me');
    const capabilities = me.capabilities ?? {};
    const can = (capability: string) => capabilities[capability] === true || capabilities[capability] === 1;
    return {
      userId: me.id,
      username: me.username,
      name: me.name,
      roles: me.roles,
      role: roleOf(me.roles, capabilities),
      can: {
        publish: can('publish_posts'),
        uploadFiles: can('upload_files'),
        editOthers: can('edit_others_posts'),
        manageCategories: can('manage_categories'),
      },
    };
  }

  async getPost(id: number): Promise<PortalPost> {
    return this.post({ method: 'GET', route: postRoute(id), query: { context: 'edit' }, object: true });
  }

  features(): Promise<PortalFeatures> {
    if (!this.#features) {
      this.#features = this.detectFeatures()
        .catch(() => null)
        .then((found) => {
          if (found === null) this.#features = null;
          return found ?? NO_PORTAL_FEATURES;
        });
    }
    return this.#features;
  }

  async createPost(fields: PostFields, key?: string): Promise<PortalPost> {
    const call: RestCall = { method: 'POST', route: '/wp/v2/posts', query: { context: 'edit' }, json: postBody(fields) };
    if (key === undefined || !(await this.features()).idempotentCreate) return this.post(call);
    const { body, headers } = await this.rest({ ...call, headers: { 'X-Newsdesk-Key': key } });
    const post = toPost(parse(postSchema, body, call.route));
    if (headers.get('x-newsdesk-replayed') !== '1') return post;
    // The first try made it, with the fields that try carried: these are newer, or the same.
    return { ...(await this.updatePost(post.id, fields)), replayed: true };
  }

  async updatePost(id: number, fields: Partial<PostFields>, expected?: PostVersion): Promise<PortalPost> {
    const call: RestCall = { method: 'POST', route: postRoute(id), query: { context: 'edit' }, json: postBody(fields), object: true };
    if (expected && (await this.features()).conditionalUpdate) {
      call.headers = {
        'X-Newsdesk-If-Unmodified': expected.modifiedGmt,
        ...(expected.revision === undefined ? {} : { 'X-Newsdesk-If-Revision': String(expected.revision) }),
      };
    }
    return this.post(call);
  }

  async trashPost(id: number): Promise<PortalPost> {
    try {
      return await this.post({ method: 'DELETE', route: postRoute(id), query: { context: 'edit' }, object: true });
    } catch (error) {
      // A retry after a lost answer finds it trashed already: the same end state, so the same answer.
      if (isNewsdeskError(error) && error.details?.wpCode === 'rest_already_trashed') return this.getPost(id);
      throw error;
    }
  }

  async findPostsByMarker(key: string, authorId?: number): Promise<PortalPost[]> {
    const marker = syncMarker(key);
    const { body } = await this.rest({
      method: 'GET',
      route: '/wp/v2/posts',
      query: { search: key, context: 'edit', status: LIVE_STATUSES, author: authorId, per_page: PER_PAGE_MAX },
    });
    // Search also matches the key in a title or excerpt, or quoted as text: only the marker counts.
    return parse(z.array(postSchema), body, '/wp/v2/posts').map(toPost).filter((post) => post.content.includes(marker));
  }

  async listPosts(query: PostListQuery): Promise<PostPage> {
    const route = '/wp/v2/posts';
    const { body, headers } = await this.rest({
      method: 'GET',
      route,
      query: {
        context: 'edit',
        status: query.statuses.join(','),
        author: query.author,
        // WordPress compares in the site's timezone and reads a time without offset as local.
        modified_after: query.modifiedAfter === undefined ? undefined : asUtc(query.modifiedAfter),
        modified_before: query.modifiedBefore === undefined ? undefined : asUtc(query.modifiedBefore),
        orderby: query.orderBy ?? 'modified',
        order: 'asc',
        page: query.page,
        per_page: query.perPage,
      },
    });
    const posts = parse(z.array(postSchema), body, route).map(toPost);
    const total = countHeader(headers, 'x-wp-total');
    const totalPages = countHeader(headers, 'x-wp-totalpages');
    if (total === null || totalPages === null) throw new NewsdeskError('PORTAL_BAD_RESPONSE', { reason: 'shape', route });
    return { posts, total, totalPages };
  }

  async uploadMedia(upload: MediaUpload): Promise<PortalMedia> {
    const description = `${syncMarker(upload.key)}\n${upload.description}`;
    const all: Query = { context: 'edit', caption: upload.caption, alt_text: upload.altText, description };
    const fits = this.restUrl('/wp/v2/media', normalizeDeep(all)).length <= MAX_UPLOAD_URL;
    const keyed = (await this.features()).idempotentCreate;
    const { body, headers } = await this.rest({
      method: 'POST',
      route: '/wp/v2/media',
      query: fits ? all : { context: 'edit', description: syncMarker(upload.key) },
      body: upload.bytes,
      headers: {
        'Content-Type': upload.mime,
        'Content-Disposition': contentDisposition(upload.filename),
        ...(keyed ? { 'X-Newsdesk-Key': upload.key } : {}),
      },
    });
    const created = toMedia(parse(mediaSchema, body, '/wp/v2/media'));
    // A replay is the attachment the first try made, with that try's fields: set these.
    const replayed = keyed && headers.get('x-newsdesk-replayed') === '1';
    if (fits && !replayed) return created;
    const updated = await this.media({
      method: 'POST',
      route: mediaRoute(created.id),
      query: { context: 'edit' },
      json: { caption: upload.caption, alt_text: upload.altText, description },
      object: true,
    });
    return replayed ? { ...updated, replayed: true } : updated;
  }

  async updateMedia(id: number, fields: MediaFields): Promise<PortalMedia> {
    return this.media({
      method: 'POST',
      route: mediaRoute(id),
      query: { context: 'edit' },
      json: { caption: fields.caption, alt_text: fields.altText, description: fields.description },
      object: true,
    });
  }

  async getMedia(id: number): Promise<PortalMedia> {
    return this.media({ method: 'GET', route: mediaRoute(id), query: { context: 'edit' }, object: true });
  }

  async findMediaByMarker(key: string, authorId?: number): Promise<PortalMedia[]> {
    const marker = syncMarker(key);
    // WordPress 6.1 searches an attachment's title, caption, description and file name.
    const { body } = await this.rest({
      method: 'GET',
      route: '/wp/v2/media',
      query: { search: key, context: 'edit', author: authorId, per_page: PER_PAGE_MAX },
    });
    return parse(z.array(mediaSchema), body, '/wp/v2/media').map(toMedia).filter((media) => media.description.includes(marker));
  }

  async downloadMedia(sourceUrl: string): Promise<{ bytes: Uint8Array; mime: string }> {
    let url: URL;
    try {
      url = new URL(sourceUrl);
    } catch {
      throw new NewsdeskError('PORTAL_BAD_RESPONSE', { reason: 'media-url' });
    }
    const route = url.pathname;
    // Uploads are public files: no credentials, and nothing off the site's origin (PortalHttp).
    const answer = await this.#http.exchange({ method: 'GET', url: url.href, route, maxBytes: this.#maxMediaBytes, authenticate: false });
    if (answer.status === 404 || answer.status === 410) throw new NewsdeskError('PORTAL_NOT_FOUND', { status: answer.status, route });
    if (answer.status < 200 || answer.status > 299) throw errorFor(answer, route, false);
    const mime = (answer.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (mime === 'text/html') throw new NewsdeskError('PORTAL_SERVER', { reason: 'html', status: answer.status, route });
    return { bytes: answer.bytes, mime };
  }

  async termId(taxonomy: 'categories' | 'tags', name: string): Promise<number | null> {
    const typed = name.normalize('NFC').trim();
    if (typed === '') return null;
    const route = `/wp/v2/${taxonomy}`;
    // Searched as WordPress stores names ("&" as "&amp;"): `search` is a LIKE on the stored name.
    // context=view: a contributor may not read terms in context=edit (rest_forbidden_context),
    // and `name` is the same in both.
    const { body } = await this.rest({ method: 'GET', route, query: { search: storedTermName(typed), per_page: PER_PAGE_MAX } });
    // Case-insensitive, but marks count: "Thời sự" and "Thoi su" are different names (WordPress
    // keeps them apart too), as "Mã" and "Ma" are different words.
    const found = parse(z.array(termSchema), body, route).find((term) => termName(term.name).toLowerCase() === typed.toLowerCase());
    if (found) {
      this.#termNames[taxonomy].set(found.id, termName(found.name));
      return found.id;
    }
    const call: RestCall = { method: 'POST', route, json: { name: typed } };
    const answer = await this.send(call);
    if (answer.status === 400) {
      // Made by someone else since the search (or matched by WordPress where the search missed
      // it): WordPress names the existing term's id, and that is the one a post must get.
      const existing = z.object({ code: z.literal('term_exists'), data: z.object({ term_id: z.number().int() }) }).safeParse(jsonOrNull(answer));
      if (existing.success) return existing.data.data.term_id;
    }
    if (answer.status === 401 || answer.status === 403) {
      const error = errorFor(answer, route, false);
      if (error.code === 'PORTAL_FORBIDDEN') return null;
      throw error;
    }
    const created = parse(termSchema, this.accept(answer, call).body, route);
    this.#termNames[taxonomy].set(created.id, termName(created.name));
    return created.id;
  }

  async termNames(taxonomy: 'categories' | 'tags', ids: readonly number[]): Promise<Map<number, string>> {
    const cache = this.#termNames[taxonomy];
    const missing = [...new Set(ids)].filter((id) => !cache.has(id));
    const route = `/wp/v2/${taxonomy}`;
    for (let start = 0; start < missing.length; start += PER_PAGE_MAX) {
      const include = missing.slice(start, start + PER_PAGE_MAX);
      const { body } = await this.rest({ method: 'GET', route, query: { include: include.join(','), per_page: PER_PAGE_MAX } });
      for (const term of parse(z.array(termSchema), body, route)) cache.set(term.id, termName(term.name));
    }
    const names = new Map<number, string>();
    for (const id of ids) {
      const termName = cache.get(id);
      if (termName !== undefined) names.set(id, termName);
    }
    return names;
  }

  /** The REST index, read before users/me to tell the sign-in failures apart. */
  private async checkRestIndex(): Promise<void> {
    const route = '/';
    // _fields: the full index describes every route (hundreds of KB); the namespaces are enough.
    const answer = await this.send({ method: 'GET', route, query: { _fields: 'namespaces' } });
    const body = looksLikeHtml(answer) ? null : jsonOrNull(answer);
    const wpCode = wpCodeOf(body);
    const details = { status: answer.status, route, ...(wpCode ? { wpCode } : {}) };
    if (wpCode && REST_DISABLED_CODES.has(wpCode)) throw new NewsdeskError('PORTAL_REST_DISABLED', details);
    if (answer.status === 401 || answer.status === 403) {
      throw new NewsdeskError(wpCode && CREDENTIAL_CODES.has(wpCode) ? 'PORTAL_AUTH' : 'PORTAL_REST_DISABLED', details);
    }
    if (answer.status >= 500) throw new NewsdeskError('PORTAL_SERVER', details);
    const index = indexSchema.safeParse(body);
    if (answer.status < 200 || answer.status > 299 || !index.success || !index.data.namespaces.includes('wp/v2')) {
      throw new NewsdeskError('PORTAL_NOT_WORDPRESS', details);
    }
    this.#namespaces = index.data.namespaces;
  }

  /**
   * The plugin's features: its namespace in the REST index (read at sign-in already, else once
   * now), then `newsdesk/v1/info`. Without the namespace: none, and no further request. null when
   * the answer does not settle it (no answer, a server error): asked again at the next write.
   */
  private async detectFeatures(): Promise<PortalFeatures | null> {
    if (this.#namespaces === null) {
      const answer = await this.send({ method: 'GET', route: '/', query: { _fields: 'namespaces' } });
      const index = answer.status === 200 && !looksLikeHtml(answer) ? indexSchema.safeParse(jsonOrNull(answer)) : null;
      if (!index?.success) return null;
      this.#namespaces = index.data.namespaces;
    }
    if (!this.#namespaces.includes(PLUGIN_NAMESPACE)) return NO_PORTAL_FEATURES;
    const route = `/${PLUGIN_NAMESPACE}/info`;
    const answer = await this.send({ method: 'GET', route });
    // The plugin refuses the info to users who may not write (no edit_posts), or was just removed:
    // nothing to use. Anything else that is not its answer (a server error, a captive page) settles nothing.
    if (!looksLikeHtml(answer) && (answer.status === 401 || answer.status === 403 || answer.status === 404)) return NO_PORTAL_FEATURES;
    if (answer.status !== 200 || looksLikeHtml(answer)) return null;
    const info = pluginInfoSchema.safeParse(jsonOrNull(answer));
    if (!info.success) return null;
    return {
      idempotentCreate: info.data.features.includes('idempotency-key'),
      conditionalUpdate: info.data.features.includes('if-unmodified'),
    };
  }

  private async post(call: RestCall): Promise<PortalPost> {
    return toPost(parse(postSchema, (await this.rest(call)).body, call.route));
  }

  private async media(call: RestCall): Promise<PortalMedia> {
    return toMedia(parse(mediaSchema, (await this.rest(call)).body, call.route));
  }

  private async rest(call: RestCall): Promise<{ body: unknown; headers: Headers }> {
    return this.accept(await this.send(call), call);
  }

  private async send(call: RestCall): Promise<PortalAnswer> {
    const headers: Record<string, string> = { Accept: 'application/json', ...call.headers };
    let body: Uint8Array | string | undefined = call.body;
    if (call.json !== undefined) {
      headers['Content-Type'] = 'application/json; charset=utf-8';
      body = JSON.stringify(normalizeDeep(call.json));
    }
    // As WordPress's own api-fetch does: hosts that block DELETE and PUT still pass POST.
    if (call.method === 'DELETE') headers['X-HTTP-Method-Override'] = 'DELETE';
    return this.#http.exchange({
      method: call.method === 'GET' ? 'GET' : 'POST',
      url: this.restUrl(call.route, call.query ? normalizeDeep(call.query) : {}),
      route: call.route,
      headers,
      ...(body === undefined ? {} : { body }),
      maxBytes: this.#maxJsonBytes,
      authenticate: true,
    });
  }

  private accept(answer: PortalAnswer, call: RestCall): { body: unknown; headers: Headers } {
    if (answer.status < 200 || answer.status > 299) throw errorFor(answer, call.route, call.object === true);
    if (looksLikeHtml(answer)) throw new NewsdeskError('PORTAL_SERVER', { reason: 'html', status: answer.status, route: call.route });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(answer.bytes);
    } catch {
      throw new NewsdeskError('PORTAL_BAD_RESPONSE', { reason: 'encoding', status: answer.status, route: call.route });
    }
    try {
      return { body: normalizeDeep(JSON.parse(text) as unknown), headers: answer.headers };
    } catch {
      throw new NewsdeskError('PORTAL_BAD_RESPONSE', { reason: 'json', status: answer.status, route: call.route });
    }
  }

  private restUrl(route: string, query: Query): string {
    const params = new URLSearchParams({ rest_route: route });
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.append(key, String(value));
    return `${this.siteUrl}/index.php?${params.toString()}`;
  }
}

/** What a non-2xx status means. Only WordPress's own 404 on an object says it is gone. */
function errorFor(answer: PortalAnswer, route: string, object: boolean): NewsdeskError {
  const status = answer.status;
  const wpCode = looksLikeHtml(answer) ? undefined : wpCodeOf(jsonOrNull(answer));
  const details = { status, route, ...(wpCode ? { wpCode } : {}) };
  // Switched off after sign-in (the other REST-off codes also mean "not signed in", so only this one).
  if (wpCode === 'rest_disabled') return new NewsdeskError('PORTAL_REST_DISABLED', details);
  // The companion plugin's conditional update: the post moved on since the version named.
  if (status === 412 && wpCode === 'newsdesk_modified') return new NewsdeskError('PORTAL_CHANGED', details);
  if (status === 401) return new NewsdeskError('PORTAL_AUTH', details);
  if (status === 403) return new NewsdeskError('PORTAL_FORBIDDEN', details);
  // An HTML 404 page or rest_no_route is the site or its REST being broken, not a deletion:
  // reporting those as "deleted on the portal" would make the sync engine act on a fault.
  if (status === 404 && object && wpCode !== undefined && wpCode !== 'rest_no_route') return new NewsdeskError('PORTAL_NOT_FOUND', details);
  if (status >= 500 || status === 404 || status === 408 || status === 429) return new NewsdeskError('PORTAL_SERVER', details);
  // Any other 4xx is WordPress refusing this request as made (an invalid parameter, a file type
  // it does not take): sending it again will not help, so not a transient code.
  if (status >= 400) return new NewsdeskError('PORTAL_FORBIDDEN', details);
  return new NewsdeskError('PORTAL_BAD_RESPONSE', { reason: 'status', ...details });
}

function looksLikeHtml(answer: PortalAnswer): boolean {
  const type = (answer.headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('text/html')) return true;
  const head = new TextDecoder().decode(answer.bytes.subarray(0, 64)).trimStart();
  return head.startsWith('<');
}

function jsonOrNull(answer: PortalAnswer): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(answer.bytes)) as unknown;
  } catch {
    return null;
  }
}

function wpCodeOf(body: unknown): string | undefined {
  const code = (body as { code?: unknown } | null)?.code;
  return typeof code === 'string' && WP_CODE.test(code) ? code : undefined;
}

function parse<T>(schema: z.ZodType<T>, body: unknown, route: string): T {
  const result = schema.safeParse(body);
  // Not the issues: they can quote what the server sent.
  if (!result.success) throw new NewsdeskError('PORTAL_BAD_RESPONSE', { reason: 'shape', route });
  return result.data;
}

function countHeader(headers: Headers, name: string): number | null {
  const value = headers.get(name)?.trim();
  return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : null;
}

function postBody(fields: Partial<PostFields>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (fields.title !== undefined) body.title = fields.title;
  if (fields.content !== undefined) body.content = fields.content;
  if (fields.excerpt !== undefined) body.excerpt = fields.excerpt;
  if (fields.slug !== undefined) body.slug = fields.slug;
  if (fields.status !== undefined) body.status = fields.status;
  if (fields.dateGmt !== undefined) body.date_gmt = fields.dateGmt;
  if (fields.categories !== undefined) body.categories = fields.categories;
  if (fields.tags !== undefined) body.tags = fields.tags;
  if (fields.featuredMedia !== undefined) body.featured_media = fields.featuredMedia;
  return body;
}

function toPost(post: z.infer<typeof postSchema>): PortalPost {
  return {
    id: post.id,
    status: post.status,
    link: post.link,
    author: post.author,
    modifiedGmt: post.modified_gmt,
    dateGmt: post.date_gmt,
    title: post.title.raw,
    content: post.content.raw,
    excerpt: post.excerpt.raw,
    categories: post.categories ?? [],
    tags: post.tags ?? [],
    featuredMedia: post.featured_media ?? 0,
    ...(post.newsdesk_rev === undefined ? {} : { revision: post.newsdesk_rev }),
  };
}

function toMedia(media: z.infer<typeof mediaSchema>): PortalMedia {
  return {
    id: media.id,
    sourceUrl: media.source_url,
    mimeType: media.mime_type,
    modifiedGmt: media.modified_gmt,
    author: media.author,
    caption: media.caption.raw,
    altText: media.alt_text,
    description: media.description.raw,
  };
}

function postRoute(id: number): string {
  return `/wp/v2/posts/${integerId(id)}`;
}

function mediaRoute(id: number): string {
  return `/wp/v2/media/${integerId(id)}`;
}

function integerId(id: number): number {
  // Part of the route: anything but a positive integer would address something else.
  if (!Number.isSafeInteger(id) || id <= 0) throw new NewsdeskError('VALIDATION', { reason: 'portal-id' });
  return id;
}

/** `2026-12-02T08:00:00` → `2026-12-02T08:00:00Z`; a time that already names its offset is kept. */
function asUtc(iso: string): string {
  return /(?:Z|[+-]\d\d:?\d\d)$/i.test(iso) ? iso : `${iso}Z`;
}

/** WordPress stores a term name HTML-escaped ("Kinh tế &amp; Đời sống") and sends it so. */
function termName(stored: string): string {
  return stored
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&')
    .normalize('NFC');
}

/** The name as WordPress stores it (the _wp_specialchars filter on pre_term_name). */
function storedTermName(name: string): string {
  return name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
