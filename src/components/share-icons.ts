import bluesky from '@tabler/icons/outline/brand-bluesky.svg?raw';
import facebook from '@tabler/icons/outline/brand-facebook.svg?raw';
import linkedin from '@tabler/icons/outline/brand-linkedin.svg?raw';
import reddit from '@tabler/icons/outline/brand-reddit.svg?raw';
import telegram from '@tabler/icons/outline/brand-telegram.svg?raw';
import whatsapp from '@tabler/icons/outline/brand-whatsapp.svg?raw';
import x from '@tabler/icons/outline/brand-x.svg?raw';
import copy from '@tabler/icons/outline/copy.svg?raw';
import mail from '@tabler/icons/outline/mail.svg?raw';
import share from '@tabler/icons/outline/share.svg?raw';
import type { ShareService } from '../lib/site/share.ts';

/** Tabler's icons (MIT), inlined as SVG so that they cost no request; the links carry the names. */
export const shareIcons: Readonly<Record<ShareService | 'copy' | 'share', string>> = {
  facebook,
  x,
  whatsapp,
  telegram,
  linkedin,
  bluesky,
  reddit,
  email: mail,
  copy,
  share,
};
