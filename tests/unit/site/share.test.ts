import { describe, expect, it } from 'vitest';
import { buildShareLinks } from '../../../src/lib/site/share.ts';

const url = 'https://news.example.org/dateline/articles/hamas-withdraws/';
const encodedUrl = encodeURIComponent(url);

function links(title: string) {
  return Object.fromEntries(buildShareLinks({ url, title }).map((link) => [link.service, new URL(link.href)]));
}

describe('buildShareLinks', () => {
  it('links every service by its public share URL, in a stable order', () => {
    expect(buildShareLinks({ url, title: 'Gaza talks' }).map(({ service, name, href, newTab }) => [service, name, href, newTab])).toEqual([
      ['facebook', 'Facebook', `https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}`, true],
      ['x', 'X', `https://x.com/intent/post?text=Gaza%20talks&url=${encodedUrl}`, true],
      ['whatsapp', 'WhatsApp', `https://wa.me/?text=Gaza%20talks%20${encodedUrl}`, true],
      ['telegram', 'Telegram', `https://t.me/share/url?url=${encodedUrl}&text=Gaza%20talks`, true],
      ['linkedin', 'LinkedIn', `https://www.linkedin.com/sharing/share-offsite/?url=${encodedUrl}`, true],
      ['bluesky', 'Bluesky', `https://bsky.app/intent/compose?text=Gaza%20talks%20${encodedUrl}`, true],
      ['reddit', 'Reddit', `https://www.reddit.com/submit?url=${encodedUrl}&title=Gaza%20talks`, true],
      ['email', 'Email', `mailto:?subject=Gaza%20talks&body=Gaza%20talks%0A%0A${encodedUrl}`, false],
    ]);
  });

  it.each([
    ['ampersand and hash', 'Q&A: ceasefire #1'],
    ['quotes', `"Fine," he said — it's 'over'`],
    ['emoji', 'Talks collapse 💥 again'],
    ['Arabic', 'حماس تنسحب من مفاوضات وقف إطلاق النار'],
    ['a plus sign and percent', '50% + 1 vote'],
  ])('encodes a title with %s so each service reads it back intact', (_, title) => {
    const link = links(title);
    expect(link['x']?.searchParams.get('text')).toBe(title);
    expect(link['x']?.searchParams.get('url')).toBe(url);
    expect(link['whatsapp']?.searchParams.get('text')).toBe(`${title} ${url}`);
    expect(link['telegram']?.searchParams.get('text')).toBe(title);
    expect(link['bluesky']?.searchParams.get('text')).toBe(`${title} ${url}`);
    expect(link['reddit']?.searchParams.get('title')).toBe(title);
    expect(link['facebook']?.searchParams.get('u')).toBe(url);
    expect(link['linkedin']?.searchParams.get('url')).toBe(url);
    expect(link['email']?.searchParams.get('subject')).toBe(title);
    expect(link['email']?.searchParams.get('body')).toBe(`${title}\n\n${url}`);
    // Nothing of the title may leak into the query as another parameter or a fragment.
    for (const service of ['x', 'telegram', 'reddit']) {
      expect([...(link[service]?.searchParams.keys() ?? [])].length, service).toBe(2);
      expect(link[service]?.hash, service).toBe('');
    }
  });
});
