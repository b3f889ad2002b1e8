import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { inlineSvg } from '../../../src/lib/site/inline-svg.ts';

const icons = join(dirname(createRequire(import.meta.url).resolve('@tabler/icons/package.json')), 'icons', 'outline');
const used = (await readFile(join(import.meta.dirname, '..', '..', '..', 'src', 'components', 'icons.ts'), 'utf8')).matchAll(
  /@tabler\/icons\/outline\/([\w-]+\.svg)/g,
);
const names = [...used].map(([, name]) => name!);

const elements = (node: Element | Root): Element[] => node.children.flatMap((child) => (child.type === 'element' ? [child] : []));

/** What the browser draws: each element with its attributes, as the HTML parser reads the markup. */
function drawing(markup: string): unknown {
  const [svg] = elements(fromHtml(markup, { fragment: true }));
  const shapes = (node: Element): unknown[] =>
    elements(node)
      // Tabler's box path: no stroke, no fill.
      .filter((child) => !(child.properties['stroke'] === 'none' && child.properties['fill'] === 'none'))
      .map((child) => ({ tag: child.tagName, properties: child.properties, children: shapes(child) }));
  // Class names style nothing here, and the parser gives <svg> its namespace either way.
  const { className: _className, xmlns: _xmlns, ...properties } = svg!.properties;
  return { tag: svg!.tagName, properties, shapes: shapes(svg!) };
}

describe('inlineSvg', () => {
  it('finds the icons the components use', async () => {
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(await readdir(icons)).toEqual(expect.arrayContaining(names));
  });

  it.each(names)('draws %s exactly as the file does, in 150 bytes less at least', async (name) => {
    const file = await readFile(join(icons, name), 'utf8');
    const inline = inlineSvg(file);
    expect(drawing(inline)).toEqual(drawing(file));
    expect(inline).not.toMatch(/\n|xmlns|class=|M0 0h24v24H0z/);
    expect(file.length - inline.length).toBeGreaterThanOrEqual(150);
  });
});
