import { describe, expect, it } from 'vitest';
import { footerOrder } from '../../../src/lib/newsroom/policies.ts';

describe('policies', () => {
  it("puts the policy pages first, in schema.org's order, then the other pages by title", () => {
    const pages = [
      { slug: 'privacy', title: 'Privacy' },
      { slug: 'contact', title: 'Contact us' },
      { slug: 'ethics', title: 'Ethics' },
      { slug: 'about', title: 'About' },
      { slug: 'jobs', title: 'Jobs' },
    ];
    const order = footerOrder(pages, { actionableFeedbackPolicy: 'contact', ethicsPolicy: 'ethics', masthead: 'about' });
    expect(order.map((page) => page.slug)).toEqual(['about', 'ethics', 'contact', 'jobs', 'privacy']);
  });
});
