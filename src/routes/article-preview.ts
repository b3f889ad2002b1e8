import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { articlePreview } from '../previews.ts';

/** Each article's link-preview picture on the dev server (a build copies them in: src/build-outputs.ts). */

export const getStaticPaths = (async () => {
  const entries = await getCollection('articles');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { article: entry.data } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  new Response(new Uint8Array(await articlePreview(props['article'])), { headers: { 'Content-Type': 'image/jpeg' } });
