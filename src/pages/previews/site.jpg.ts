import type { APIRoute } from 'astro';
import { sitePreviewCard } from '../../data/preview-cards.ts';
import { jpegResponse } from '../../lib/outputs/responses.ts';

export const GET: APIRoute = async () => jpegResponse(await sitePreviewCard());
