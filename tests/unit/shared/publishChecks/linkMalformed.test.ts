import { describe, expect, it } from 'vitest';
import { linkMalformed } from '../../../../src/shared/publishChecks/linkMalformed';
import { article, bodyWith, link, paragraph, run } from './article';

const withLinks = (...urls: string[]) =>
  article({ body: bodyWith({ type: 'paragraph', children: [{ type: 'text', text: 'Xem ' }, ...urls.map((url) => link(url))] }) });

describe('linkMalformed', () => {
  it('blocks, and is about the body', () => expect(linkMalformed).toMatchObject({ id: 'LINK_MALFORMED', severity: 'blocking', field: 'body' }));
  it('passes a body with good links, and one with none', () => {
    expect(run(linkMalformed, withLinks('https://nghean.gov.vn/tin-tuc?id=5#top', 'http://cualo.vn', 'mailto:toasoan@cualo.vn'))).toEqual([]);
    expect(run(linkMalformed, article())).toEqual([]);
  });
  it('finds each bad link, numbered in reading order among all links, with its URL', () => {
    const found = run(linkMalformed, withLinks('https://cualo.vn', 'javascript:alert(1)', '', 'https://cualo.vn/tin tuc', '/tin-tuc/123'));
    expect(found).toEqual([
      { link: 2, url: 'javascript:alert(1)' },
      { link: 3, url: '' },
      { link: 4, url: 'https://cualo.vn/tin tuc' },
      { link: 5, url: '/tin-tuc/123' },
    ]);
  });
  it('reads links inside lists and autolinks too', () => {
    const body = bodyWith(paragraph('Chữ'), { type: 'list', children: [{ type: 'listitem', children: [{ ...link('data:text/html,x'), type: 'autolink' }] }] });
    expect(run(linkMalformed, article({ body }))).toEqual([{ link: 1, url: 'data:text/html,x' }]);
  });
  it('quotes at most 120 characters of a long bad URL', () => {
    const [issue] = run(linkMalformed, withLinks(`javascript:${'x'.repeat(300)}`)) as { url: string }[];
    expect(issue!.url).toHaveLength(120);
  });
});
