import { describe, expect, it } from 'vitest';
import { buildShareLinks } from '../../src/lib/share.ts';

const url = 'https://news.example.org/dateline/articles/hamas-withdraws/';

function hrefs(title: string) {
  return Object.fromEntries(buildShareLinks({ url, title }).map((link) => [link.service, new URL(link.href)]));
}

describe('buildShareLinks', () => {
  it('links Facebook, X and WhatsApp, in that order, by their public share URLs', () => {
    expect(buildShareLinks({ url, title: 'Gaza talks' })).toEqual([
      { service: 'facebook', name: 'Facebook', href: 'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example.org%2Fdateline%2Farticles%2Fhamas-withdraws%2F' },
      { service: 'x', name: 'X', href: 'https://x.com/intent/post?text=Gaza%20talks&url=https%3A%2F%2Fnews.example.org%2Fdateline%2Farticles%2Fhamas-withdraws%2F' },
      { service: 'whatsapp', name: 'WhatsApp', href: 'https://wa.me/?text=Gaza%20talks%20https%3A%2F%2Fnews.example.org%2Fdateline%2Farticles%2Fhamas-withdraws%2F' },
    ]);
  });

  it.each([
    ['ampersand and hash', 'Q&A: ceasefire #1'],
    ['quotes', `"Fine," he said — it's 'over'`],
    ['emoji', 'Talks collapse 💥 again'],
    ['Arabic', 'حماس تنسحب من مفاوضات وقف إطلاق النار'],
    ['a plus sign and percent', '50% + 1 vote'],
  ])('encodes a title with %s so each service reads it back intact', (_, title) => {
    const links = hrefs(title);
    expect(links['x']?.searchParams.get('text')).toBe(title);
    expect(links['x']?.searchParams.get('url')).toBe(url);
    expect(links['whatsapp']?.searchParams.get('text')).toBe(`${title} ${url}`);
    expect(links['facebook']?.searchParams.get('u')).toBe(url);
    // Nothing of the title may leak into the query as a second parameter or a fragment.
    expect([...(links['x']?.searchParams.keys() ?? [])]).toEqual(['text', 'url']);
    expect(links['x']?.hash).toBe('');
  });
});
