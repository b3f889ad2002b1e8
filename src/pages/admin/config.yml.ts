import type { APIRoute } from 'astro';
import { editorConfigYaml } from '../../data/editor.ts';
import { yamlResponse } from '../../lib/outputs/responses.ts';

export const GET: APIRoute = () => yamlResponse(editorConfigYaml());
