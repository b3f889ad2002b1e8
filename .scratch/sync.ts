import { rm } from 'node:fs/promises';
import { checkContent } from '../src/lib/content.ts';
import { siteConfig } from '../src/site.config.ts';
const root = process.argv[2]!;
for (const workers of [Number(process.argv[3] ?? 2)]) {
  await rm(`${root}/.cache/html`, { recursive: true, force: true });
  let t = performance.now();
  const r = await checkContent({ root, site: siteConfig, now: new Date(), mode: 'render', previews: process.env.P === '1', workers });
  console.log('workers', workers, 'cold ms', Math.round(performance.now() - t), r.rendered.length, r.problems.length);
  t = performance.now();
  await checkContent({ root, site: siteConfig, now: new Date(), mode: 'render', previews: process.env.P === '1', workers });
  console.log('workers', workers, 'warm ms', Math.round(performance.now() - t));
}
