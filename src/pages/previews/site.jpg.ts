import type { APIRoute } from 'astro';
import { sitePreview } from '../../previews.ts';

export const GET: APIRoute = async () => new Response(new Uint8Array(await sitePreview()), { headers: { 'Content-Type': 'image/jpeg' } });
