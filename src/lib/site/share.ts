/**
 * Share links: plain URLs that open each service's own share page, so that sharing needs no
 * third-party script and works without JavaScript. Every value is percent-encoded with
 * encodeURIComponent, which each of these services decodes back to UTF-8 (emoji, Arabic, `&`, `#`).
 */
export type ShareService = 'facebook' | 'x' | 'whatsapp' | 'telegram' | 'linkedin' | 'bluesky' | 'reddit' | 'email';

export interface ShareLink {
  readonly service: ShareService;
  /** The service's name as readers know it. */
  readonly name: string;
  readonly href: string;
  /** Web services open in a new tab; email opens the reader's mail program in place. */
  readonly newTab: boolean;
}

export interface SharedPage {
  /** Absolute canonical URL of the article. */
  readonly url: string;
  readonly title: string;
}

const encode = encodeURIComponent;

export function buildShareLinks(page: SharedPage): ShareLink[] {
  const url = encode(page.url);
  const title = encode(page.title);
  const titleAndUrl = encode(`${page.title} ${page.url}`);
  const web = (service: ShareService, name: string, href: string): ShareLink => ({ service, name, href, newTab: true });
  return [
    // Facebook reads title and image from the page's Open Graph tags; it takes the URL alone.
    web('facebook', 'Facebook', `https://www.facebook.com/sharer/sharer.php?u=${url}`),
    // https://developer.x.com/en/docs/x-for-websites/tweet-button/guides/web-intent
    web('x', 'X', `https://x.com/intent/post?text=${title}&url=${url}`),
    // WhatsApp's click-to-chat takes one prefilled text: https://faq.whatsapp.com/5913398998672934
    web('whatsapp', 'WhatsApp', `https://wa.me/?text=${titleAndUrl}`),
    // https://core.telegram.org/widgets/share
    web('telegram', 'Telegram', `https://t.me/share/url?url=${url}&text=${title}`),
    // LinkedIn's share-offsite takes the URL alone and reads the rest from Open Graph tags.
    web('linkedin', 'LinkedIn', `https://www.linkedin.com/sharing/share-offsite/?url=${url}`),
    // https://docs.bsky.app/docs/advanced-guides/intent-links
    web('bluesky', 'Bluesky', `https://bsky.app/intent/compose?text=${titleAndUrl}`),
    web('reddit', 'Reddit', `https://www.reddit.com/submit?url=${url}&title=${title}`),
    // RFC 6068: subject and body percent-encoded; %0A%0A puts the link on its own line.
    { service: 'email', name: 'Email', href: `mailto:?subject=${title}&body=${title}%0A%0A${url}`, newTab: false },
  ];
}
