import { describe, expect, it } from 'vitest';
import { absoluteLinks, renderCorrectionsFeed, renderFeed, type FeedDescription } from '../../../src/lib/outputs/feeds.ts';
import { anArticle } from '../../support/article.ts';

const description: FeedDescription = {
  title: 'Dateline',
  description: 'News.',
  lang: 'en',
  link: 'https://example.org/',
  rssUrl: 'https://example.org/feed.xml',
  atomUrl: 'https://example.org/atom.xml',
  copyright: 'Dateline',
  items: [
    {
      article: anArticle({ title: 'Q&A: <b>not bold</b> ]]> end', summary: 'S & T', tags: ['gaza'] }),
      url: 'https://example.org/articles/gaza-talks/',
      html: '<p>Body <a href="/articles/other/">other</a> <img src="/_astro/a.webp" srcset="/_astro/a.webp 400w, /_astro/b.webp 800w" alt=""></p>',
    },
  ],
};

describe('feeds', () => {
  it('write RSS 2.0 with the full body, absolute links and the article dates', () => {
    const rss = renderFeed(description, 'rss');
    expect(rss).toContain('<rss version="2.0"');
    expect(rss).toContain('<link>https://example.org/articles/gaza-talks/</link>');
    expect(rss).toContain('<pubDate>Sun, 14 Jul 2024 08:20:00 GMT</pubDate>');
    expect(rss).toContain('href="https://example.org/articles/other/"');
    expect(rss).toContain('src="https://example.org/_astro/a.webp"');
    expect(rss).toContain('srcset="https://example.org/_astro/a.webp 400w, https://example.org/_astro/b.webp 800w"');
    expect(rss).toContain('<category>gaza</category>');
  });

  it('write Atom with titles escaped for its html text type', () => {
    const atom = renderFeed(description, 'atom');
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(atom).toContain('<title type="html"><![CDATA[Q&amp;A: &lt;b&gt;not bold&lt;/b&gt; ]]&gt; end]]></title>');
    expect(atom).toContain('<published>2024-07-14T08:20:00.000Z</published>');
  });

  it('are the same for the same articles, whenever they are built', () => {
    expect(renderFeed(description, 'rss')).toBe(renderFeed(description, 'rss'));
  });

  it('leave absolute and fragment links as they are', () => {
    expect(
      absoluteLinks('<a href="https://other.example/">x</a><a href="#user-content-fn-1">1</a>', 'https://example.org/articles/a/'),
    ).toBe('<a href="https://other.example/">x</a><a href="https://example.org/articles/a/#user-content-fn-1">1</a>');
  });

  it('leave out the ¶ links of the page and keep the ids they point at', () => {
    const html = '<p id="p-1a2b3c4d">Text. <a class="paragraph-link" href="#p-1a2b3c4d" aria-label="Link">¶</a></p><p>More.</p>';
    expect(absoluteLinks(html, 'https://example.org/articles/a/')).toBe('<p id="p-1a2b3c4d">Text. </p><p>More.</p>');
  });

  it('write the corrections feed: one item per correction, titled in its language, linking the Corrections box', () => {
    const article = anArticle({
      title: 'Talks <end>',
      corrections: [
        { date: { instant: new Date('2024-07-16T10:00:00Z'), hasTime: true }, text: 'Second & last' },
        { date: { instant: new Date('2024-07-15T10:00:00Z'), hasTime: true }, text: 'First' },
      ],
    });
    const items = article.corrections.map((correction) => ({
      logged: { article, correction },
      url: 'https://example.org/articles/gaza-talks/',
      correctionUrl: 'https://example.org/articles/gaza-talks/#corrections',
    }));
    const rss = renderCorrectionsFeed(description, items, 'rss');
    expect(rss).toContain('<title><![CDATA[Correction: Talks <end>]]></title>');
    expect(rss).toContain('<link>https://example.org/articles/gaza-talks/#corrections</link>');
    expect(rss).toContain('<guid isPermaLink="false">https://example.org/articles/gaza-talks/#corrections-2024-07-16T10:00:00.000Z</guid>');
    expect(rss).toContain('<p>Second &amp; last</p>');
    expect(rss).toContain('<lastBuildDate>Tue, 16 Jul 2024 10:00:00 GMT</lastBuildDate>');
    const atom = renderCorrectionsFeed(description, items, 'atom');
    expect(atom).toContain('<title type="html"><![CDATA[Correction: Talks &lt;end&gt;]]></title>');
    expect(atom.match(/<entry>/g)).toHaveLength(2);
  });
});
