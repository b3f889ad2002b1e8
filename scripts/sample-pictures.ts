/**
 * `node scripts/sample-pictures.ts`: draws the lead pictures of the sample articles in content/
 * (news graphics made by the project, credited "Dateline graphics"), so that anyone can see where
 * each comes from and draw it again. Shapes are SVG; words are set by Pango with the Noto fonts from
 * npm, as on the preview cards, so the pictures come out the same on every machine.
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const font = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
const SANS = { file: font('@expo-google-fonts/noto-sans', '700Bold/NotoSans_700Bold.ttf'), family: 'Noto Sans Bold' };
const SERIF = { file: font('@expo-google-fonts/noto-serif', '700Bold/NotoSerif_700Bold.ttf'), family: 'Noto Serif Bold' };

const WIDTH = 1600;
const HEIGHT = 900;

interface Words {
  readonly text: string;
  readonly size: number;
  readonly colour: string;
  readonly top: number;
  /** Centred when absent. */
  readonly left?: number;
  readonly face?: typeof SANS;
}

async function words({ text, size, colour, top, left, face = SANS }: Words): Promise<OverlayOptions> {
  const escaped = text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  const layer = sharp({
    text: {
      text: `<span foreground="${colour}">${escaped}</span>`,
      font: `${face.family} ${size}`,
      fontfile: face.file,
      rgba: true,
      dpi: 72,
    },
  });
  const { width = 0 } = await layer.metadata();
  return { input: await layer.png().toBuffer(), top, left: left ?? Math.round((WIDTH - width) / 2) };
}

async function draw(file: string, svg: string, texts: readonly Words[]): Promise<void> {
  const layers = await Promise.all(texts.map(words));
  await sharp(Buffer.from(svg))
    .composite(layers)
    .png({ compressionLevel: 9, palette: true })
    .toFile(join(root, 'content', file));
  process.stdout.write(`${file}\n`);
}

const frame = (body: string, background: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}"><rect width="100%" height="100%" fill="${background}"/>${body}</svg>`;

// A football pitch from above, and the final score.
const stripes = Array.from({ length: 8 }, (_, index) => `<rect x="${index * 200}" y="0" width="100" height="900" fill="#2f7d3a"/>`).join(
  '',
);
await draw(
  '2024/07/images/euro-2024-final.png',
  frame(
    `${stripes}<g fill="none" stroke="#e8f3e6" stroke-width="8"><rect x="60" y="60" width="1480" height="780"/><line x1="800" y1="60" x2="800" y2="840"/><circle cx="800" cy="450" r="130"/><rect x="60" y="250" width="180" height="400"/><rect x="1360" y="250" width="180" height="400"/></g><rect x="0" y="300" width="1600" height="310" fill="#0b2a10" opacity="0.6"/>`,
    '#37903f',
  ),
  [
    { text: 'Spain 2 – 1 England', size: 120, colour: '#ffffff', top: 330, face: SERIF },
    { text: 'Euro 2024 final · Berlin · 14 July', size: 46, colour: '#e8f3e6', top: 520 },
  ],
);

// A grass court's lines, and the three sets.
await draw(
  '2024/07/images/wimbledon-mens-final.png',
  frame(
    `<g fill="none" stroke="#f4f1e6" stroke-width="8"><rect x="150" y="120" width="1300" height="660"/><line x1="150" y1="200" x2="1450" y2="200"/><line x1="150" y1="700" x2="1450" y2="700"/><line x1="800" y1="120" x2="800" y2="780" stroke-dasharray="4 0"/><line x1="480" y1="200" x2="480" y2="700"/><line x1="1120" y1="200" x2="1120" y2="700"/><line x1="480" y1="450" x2="1120" y2="450"/></g><rect x="0" y="280" width="1600" height="330" fill="#16300f" opacity="0.6"/>`,
    '#4e8a3a',
  ),
  [
    { text: '6–2  6–2  7–6', size: 150, colour: '#ffffff', top: 300, face: SERIF },
    { text: 'Alcaraz beats Djokovic · Wimbledon · 14 July', size: 46, colour: '#f4f1e6', top: 520 },
  ],
);

// Screens that would not start: a wall of blue.
const screens = Array.from({ length: 4 }, (_, row) =>
  Array.from(
    { length: 7 },
    (_, column) => `<rect x="${70 + column * 212}" y="${70 + row * 120}" width="190" height="100" rx="6" fill="#1f5fbf"/>`,
  ).join(''),
).join('');
await draw('2024/07/images/windows-outage.png', frame(screens, '#0d1b2e'), [
  { text: '8.5 million', size: 150, colour: '#ffffff', top: 560, face: SERIF },
  { text: 'Windows devices stopped by one faulty update', size: 46, colour: '#c9d8f0', top: 760 },
]);

// The National Assembly's 577 seats, and the line a majority must cross.
const seats: string[] = [];
const radii = Array.from({ length: 11 }, (_, ring) => 250 + ring * 38);
const perRadius = 577 / radii.reduce((sum, radius) => sum + radius, 0);
// Seats per ring in proportion to its length; the outer ring takes what rounding leaves, so that they add up to 577.
const counts = radii.map((radius) => Math.round(radius * perRadius));
counts[counts.length - 1]! += 577 - counts.reduce((sum, count) => sum + count, 0);
for (const [ring, radius] of radii.entries()) {
  const count = counts[ring] ?? 0;
  for (let seat = 0; seat < count; seat++) {
    const angle = Math.PI - (Math.PI * (seat + 0.5)) / count;
    seats.push(
      `<circle cx="${(800 + radius * Math.cos(angle)).toFixed(1)}" cy="${(720 - radius * Math.sin(angle)).toFixed(1)}" r="12" fill="#8a8f99"/>`,
    );
  }
}
await draw(
  '2024/07/images/french-assembly.png',
  frame(`${seats.join('')}<line x1="800" y1="720" x2="800" y2="60" stroke="#c8102e" stroke-width="8"/>`, '#f6f4ef'),
  [{ text: '577 seats · 289 for a majority', size: 64, colour: '#1a1a1a', top: 770, face: SERIF }],
);

// The southern Gaza coast, drawn as a diagram: sea, shore and the area the army had called safe.
await draw(
  '2024/07/images/al-mawasi-diagram.png',
  frame(
    `<path d="M0 0 H620 C580 220 660 420 600 900 H0 Z" fill="#9cc3d5"/><path d="M620 0 C580 220 660 420 600 900 H1600 V0 Z" fill="#e9dfc8"/><rect x="640" y="250" width="260" height="420" fill="#d9c8a0" stroke="#8a6d3b" stroke-width="6" stroke-dasharray="18 12"/><circle cx="770" cy="470" r="26" fill="#c8102e"/>`,
    '#e9dfc8',
  ),
  [
    { text: 'Mediterranean Sea', size: 44, colour: '#1d4a60', top: 420, left: 90 },
    { text: 'Al-Mawasi', size: 56, colour: '#3d2f12', top: 180, left: 650 },
    { text: 'Khan Younis', size: 56, colour: '#3d2f12', top: 430, left: 1080 },
    { text: 'Diagram, not to scale', size: 32, colour: '#5c4a24', top: 820, left: 1200 },
  ],
);

// A date on a calendar page.
await draw(
  '2024/07/images/biden-withdraws.png',
  frame(
    `<rect x="560" y="120" width="480" height="560" rx="24" fill="#ffffff" stroke="#1a1a1a" stroke-width="6"/><rect x="560" y="120" width="480" height="140" rx="24" fill="#0b3a6e"/><rect x="560" y="220" width="480" height="40" fill="#0b3a6e"/>`,
    '#e6e9ef',
  ),
  [
    { text: 'JULY 2024', size: 56, colour: '#ffffff', top: 160 },
    { text: '21', size: 260, colour: '#0b3a6e', top: 300, face: SERIF },
    { text: 'Biden leaves the race; Harris has his backing', size: 46, colour: '#1a1a1a', top: 740 },
  ],
);
