/**
 * Share links: plain URLs that open each service's own share page, so that sharing needs no
 * third-party script and works without JavaScript. Every value is percent-encoded with
 * encodeURIComponent, which each of these services decodes back to UTF-8 (emoji, Arabic, `&`, `#`).
 */
export type ShareService = 'facebook' | 'x' | 'whatsapp';

export interface ShareLink {
  readonly service: ShareService;
  /** The service's name as readers know it. */
  readonly name: string;
  readonly href: string;
}

export interface SharedPage {
  /** Absolute canonical URL of the article. */
  readonly url: string;
  readonly title: string;
}

const encode = encodeURIComponent;

export function buildShareLinks(page: SharedPage): ShareLink[] {
  return [
    // Facebook reads the title and image from the page's Open Graph tags; only the URL is passed.
    { service: 'facebook', name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${encode(page.url)}` },
    // X's web intent: https://developer.x.com/en/docs/x-for-websites/tweet-button/guides/web-intent
    { service: 'x', name: 'X', href: `https://x.com/intent/post?text=${encode(page.title)}&url=${encode(page.url)}` },
    // WhatsApp's click-to-chat takes one prefilled text: https://faq.whatsapp.com/5913398998672934
    { service: 'whatsapp', name: 'WhatsApp', href: `https://wa.me/?text=${encode(`${page.title} ${page.url}`)}` },
  ];
}
