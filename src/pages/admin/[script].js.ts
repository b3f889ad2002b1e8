import type { APIRoute, GetStaticPaths } from 'astro';
import { editorScript, editorScriptPaths } from '../../data/editor.ts';
import { scriptResponse } from '../../lib/outputs/responses.ts';

export const getStaticPaths = (() => editorScriptPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => scriptResponse(await editorScript(String(params['script'])));
