import { describe, expect, it } from 'vitest';
import { redirectPage, redirects } from '../../../src/lib/site/redirects.ts';
import { anArticle } from '../../support/article.ts';

const project = { url: 'https://example.github.io', base: '/dateline/', name: 'Dateline' };

describe('redirects', () => {
  it('gives each earlier slug of a published article a redirect, and drafts and scheduled articles none', () => {
    const moved = anArticle({ slug: 'talks-resume', aliases: ['talks-stall', 'gaza-talks-2024'] });
    const draft = anArticle({ slug: 'draft', aliases: ['draft-old'], status: 'draft' });
    const scheduled = anArticle({ slug: 'later', aliases: ['later-old'], status: 'scheduled' });
    expect(redirects([anArticle(), moved, draft, scheduled]).map(({ alias, article }) => [alias, article.slug])).toEqual([
      ['talks-stall', 'talks-resume'],
      ['gaza-talks-2024', 'talks-resume'],
    ]);
  });
});

describe('redirectPage', () => {
  it('leads to the article under the base path, at once, with the new address as canonical', () => {
    expect(redirectPage(project, anArticle({ slug: 'talks-resume', title: 'Talks resume' }), true)).toMatchObject({
      lang: 'en',
      dir: 'ltr',
      title: 'Talks resume — Dateline',
      path: '/dateline/articles/talks-resume/',
      canonicalUrl: 'https://example.github.io/dateline/articles/talks-resume/',
      refresh: '0; url=/dateline/articles/talks-resume/',
      moved: 'This article has moved to a new address:',
      headline: 'Talks resume',
      contentSecurityPolicy: expect.stringContaining("default-src 'none'"),
    });
  });

  it('speaks the article’s language, and leaves the policy to the dev server there', () => {
    const view = redirectPage(project, anArticle({ lang: 'ar', dir: 'rtl' }), false);
    expect([view.lang, view.dir, view.moved, view.contentSecurityPolicy]).toEqual([
      'ar',
      'rtl',
      'انتقل هذا المقال إلى عنوان جديد:',
      undefined,
    ]);
  });
});
