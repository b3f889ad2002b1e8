import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { editorConfig, type EditorBackend } from '../lib/editor/cms-config.ts';
import { editorContentSecurityPolicy } from '../lib/site/security.ts';
import { absoluteUrl, editorPath, sitePath } from '../lib/site/urls.ts';
import { siteConfig } from '../site.config.ts';

/**
 * The web editor at /admin/: Decap CMS's own bundle, served from our node_modules (never a CDN, and
 * only on this page), and its configuration, generated from the content format. Where it commits
 * comes from the environment at build time (README, "The web editor").
 */
const require = createRequire(join(process.cwd(), 'package.json'));
const decapFolder = join(dirname(require.resolve('decap-cms/package.json')), 'dist');

/** The bundle and the parts it loads on demand, which webpack looks for next to the bundle. */
const DECAP_SCRIPT = /^(?:\d+\.)?decap-cms\.js$/;

export async function editorScriptPaths() {
  const names = (await readdir(decapFolder)).filter((name) => DECAP_SCRIPT.test(name));
  return names.map((name) => ({ params: { script: name.replace(/\.js$/, '') } }));
}

export async function editorScript(script: string): Promise<string> {
  if (!DECAP_SCRIPT.test(`${script}.js`)) throw new Error(`/admin/${script}.js is not a part of Decap CMS`);
  return readFile(join(decapFolder, `${script}.js`), 'utf8');
}

function editorBackend(env: NodeJS.ProcessEnv = process.env): EditorBackend {
  return {
    repo: env['DATELINE_EDITOR_REPO'] || undefined,
    branch: env['DATELINE_EDITOR_BRANCH'] || 'main',
    authUrl: env['DATELINE_EDITOR_AUTH_URL'] || undefined,
    localUrl: env['DATELINE_EDITOR_LOCAL_URL'] || 'http://127.0.0.1:8081/api/v1',
  };
}

export function editorConfigYaml(): string {
  const config = editorConfig(
    {
      name: siteConfig.name,
      siteUrl: absoluteUrl(siteConfig, sitePath(siteConfig)),
      lang: siteConfig.lang,
      defaultSection: siteConfig.defaultSection,
      defaultByline: siteConfig.defaultByline,
      sectionNames: siteConfig.sectionNames,
      descriptions: siteConfig.descriptions,
      timeZone: siteConfig.timeZone,
      logoUrl: sitePath(siteConfig, siteConfig.logo),
    },
    editorBackend(),
  );
  return `# Generated from the article format by src/lib/editor/cms-config.ts: edit that, not this.\n${stringify(config, { lineWidth: 0 })}`;
}

export function editorPageProps() {
  const backend = editorBackend();
  const connect = [new URL(backend.localUrl).origin, ...(backend.authUrl ? [new URL(backend.authUrl).origin] : [])];
  return {
    title: `${siteConfig.name} · Editor`,
    lang: siteConfig.lang,
    contentSecurityPolicy: editorContentSecurityPolicy(connect),
    configPath: `${editorPath(siteConfig)}config.yml`,
    decapPath: `${editorPath(siteConfig)}decap-cms.js`,
    setupPath: sitePath(siteConfig, 'scripts/editor.js'),
  };
}

export type EditorPageProps = ReturnType<typeof editorPageProps>;
