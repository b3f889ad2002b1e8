import type { ImageMetadata } from 'astro';

/**
 * Lead images, imported through Vite so that `astro:assets` can measure and optimise them. The
 * loader has already checked that each article's image is a file inside content/.
 */
const contentImages = import.meta.glob<{ default: ImageMetadata }>('/content/**/*.{avif,gif,jpeg,jpg,png,webp,AVIF,GIF,JPEG,JPG,PNG,WEBP}');

/** The image at a path from the project root, such as `content/2024/07/images/x.jpg`. */
export async function contentImage(file: string): Promise<ImageMetadata> {
  const load = contentImages[`/${file}`];
  if (!load) throw new Error(`${file}: the lead image is not among the images under content/`);
  return (await load()).default;
}
