import { describe, expect, it } from 'vitest';
import { jpegResponse, textResponse, xmlResponse } from '../../../src/lib/outputs/responses.ts';

describe('endpoint responses', () => {
  it('name the media type, with UTF-8 for text, and carry the body unchanged', async () => {
    const feed = xmlResponse('<rss>غزة</rss>', 'application/rss+xml');
    expect(feed.headers.get('Content-Type')).toBe('application/rss+xml; charset=utf-8');
    expect(await feed.text()).toBe('<rss>غزة</rss>');
    expect(textResponse('User-agent: *').headers.get('Content-Type')).toBe('text/plain; charset=utf-8');
    const picture = jpegResponse(Buffer.from([0xff, 0xd8, 0xff]));
    expect(picture.headers.get('Content-Type')).toBe('image/jpeg');
    expect([...new Uint8Array(await picture.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff]);
  });
});
