import type { APIRoute, GetStaticPaths } from 'astro';
import { articleEntries } from '../data/bodies.ts';
import { articlePreviewCard } from '../data/preview-cards.ts';
import { jpegResponse } from '../lib/outputs/responses.ts';

/** Each article's preview card on the dev server (a build links them in: src/integration/dateline.ts). */
export const getStaticPaths = (async () => {
  const entries = await articleEntries();
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { article: entry.data } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => jpegResponse(await articlePreviewCard(props['article']));
