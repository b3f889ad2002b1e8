/**
 * The newsroom's policies as schema.org names them on a `NewsMediaOrganization` (the Trust
 * Project's indicators): the site configuration says which site page is which, and the publisher in
 * every page's JSON-LD points at them.
 */
export const POLICY_PROPERTIES = [
  'masthead',
  'publishingPrinciples',
  'correctionsPolicy',
  'ethicsPolicy',
  'verificationFactCheckingPolicy',
  'unnamedSourcesPolicy',
  'noBylinesPolicy',
  'diversityPolicy',
  'diversityStaffingReport',
  'missionCoveragePrioritiesPolicy',
  'ownershipFundingInfo',
  'actionableFeedbackPolicy',
] as const;

export type PolicyProperty = (typeof POLICY_PROPERTIES)[number];

/** Site page slug of each policy the newsroom publishes: `{ ethicsPolicy: 'ethics' }`. */
export type Policies = Readonly<Partial<Record<PolicyProperty, string>>>;

/** The policies in the order schema.org's list gives them, then the site's other pages by title: the footer's order. */
export function footerOrder<Page extends { slug: string; title: string }>(pages: readonly Page[], policies: Policies): Page[] {
  const rank = (page: Page) => {
    const index = POLICY_PROPERTIES.findIndex((property) => policies[property] === page.slug);
    return index === -1 ? POLICY_PROPERTIES.length : index;
  };
  return [...pages].sort((a, b) => rank(a) - rank(b) || a.title.localeCompare(b.title, 'en'));
}
