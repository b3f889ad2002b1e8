import bluesky from '@tabler/icons/outline/brand-bluesky.svg?raw';
import facebook from '@tabler/icons/outline/brand-facebook.svg?raw';
import linkedin from '@tabler/icons/outline/brand-linkedin.svg?raw';
import reddit from '@tabler/icons/outline/brand-reddit.svg?raw';
import telegram from '@tabler/icons/outline/brand-telegram.svg?raw';
import whatsapp from '@tabler/icons/outline/brand-whatsapp.svg?raw';
import x from '@tabler/icons/outline/brand-x.svg?raw';
import copy from '@tabler/icons/outline/copy.svg?raw';
import mail from '@tabler/icons/outline/mail.svg?raw';
import menu from '@tabler/icons/outline/menu-2.svg?raw';
import moon from '@tabler/icons/outline/moon.svg?raw';
import search from '@tabler/icons/outline/search.svg?raw';
import share from '@tabler/icons/outline/share.svg?raw';
import { inlineSvg } from '../lib/site/inline-svg.ts';
import type { ShareService } from '../lib/site/share.ts';

/**
 * Tabler's icons (MIT), inlined as SVG so that they cost no request; the links and buttons carry the
 * names. Trimmed once here (inline-svg.ts), not on every page that shows them.
 */
export const shareIcons: Readonly<Record<ShareService | 'copy' | 'share', string>> = {
  facebook: inlineSvg(facebook),
  x: inlineSvg(x),
  whatsapp: inlineSvg(whatsapp),
  telegram: inlineSvg(telegram),
  linkedin: inlineSvg(linkedin),
  bluesky: inlineSvg(bluesky),
  reddit: inlineSvg(reddit),
  email: inlineSvg(mail),
  copy: inlineSvg(copy),
  share: inlineSvg(share),
};

/** The masthead's controls on a phone's one row: the sections menu, search, the theme. */
export const mastheadIcons = { menu: inlineSvg(menu), moon: inlineSvg(moon), search: inlineSvg(search) } as const;
