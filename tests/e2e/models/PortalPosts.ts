import type { PortalUser, WordPress } from '../../portal/harness/startWordPress';

export interface PortalPost {
  id: number;
  status: string;
  author: number;
  link: string;
  featured_media: number;
  title: { raw: string };
  content: { raw: string };
}

export interface PortalMedia {
  id: number;
  author: number;
  caption: { raw: string };
  alt_text: string;
}

const EVERY_STATUS = 'draft,pending,future,publish,private,trash';

/** The portal as its editor sees it over REST: what the test checks against, never through the app. */
export class PortalPosts {
  constructor(readonly wp: WordPress) {}

  /** Every post with exactly this title, in any status (a second copy would be a duplicate). */
  async titled(title: string): Promise<PortalPost[]> {
    const response = await this.wp.rest(this.wp.users.editor, 'GET', '/wp/v2/posts', {
      query: { context: 'edit', status: EVERY_STATUS, search: title, per_page: 100 },
    });
    if (response.status !== 200) throw new Error(`listing posts: HTTP ${response.status}`);
    return (response.body as PortalPost[]).filter((post) => post.title.raw === title);
  }

  async get(id: number): Promise<PortalPost> {
    const response = await this.wp.rest(this.wp.users.editor, 'GET', `/wp/v2/posts/${id}`, { query: { context: 'edit' } });
    if (response.status !== 200) throw new Error(`post ${id}: HTTP ${response.status}`);
    return response.body as PortalPost;
  }

  /** Media uploaded by `user` whose caption contains `caption`. */
  async mediaCaptioned(user: PortalUser, caption: string): Promise<PortalMedia[]> {
    const response = await this.wp.rest(this.wp.users.editor, 'GET', '/wp/v2/media', {
      query: { context: 'edit', author: user.id, per_page: 100 },
    });
    if (response.status !== 200) throw new Error(`listing media: HTTP ${response.status}`);
    return (response.body as PortalMedia[]).filter((media) => media.caption.raw.includes(caption));
  }

  /** An edit made on the portal by its editor (as wp-admin would save it): each text swapped in the raw content. */
  async editAsEditor(id: number, swaps: [from: string, to: string][]): Promise<void> {
    let raw = (await this.get(id)).content.raw;
    for (const [from, to] of swaps) {
      if (!raw.includes(from)) throw new Error(`post ${id} does not contain "${from}"`);
      raw = raw.replace(from, to);
    }
    const response = await this.wp.rest(this.wp.users.editor, 'POST', `/wp/v2/posts/${id}`, { json: { content: raw } });
    if (response.status !== 200) throw new Error(`editing post ${id}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
  }
}
