/**
 * The responses of the site's endpoints (feeds, sitemaps, robots.txt, preview cards): the body with
 * its media type, and the charset where it is text, so that no host has to guess it.
 */
export function xmlResponse(xml: string, type: 'application/xml' | 'application/rss+xml' | 'application/atom+xml'): Response {
  return new Response(xml, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
}

export function textResponse(text: string): Response {
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export function jpegResponse(bytes: Uint8Array): Response {
  return new Response(new Uint8Array(bytes), { headers: { 'Content-Type': 'image/jpeg' } });
}

export function yamlResponse(yaml: string): Response {
  return new Response(yaml, { headers: { 'Content-Type': 'application/yaml; charset=utf-8' } });
}

export function scriptResponse(script: string): Response {
  return new Response(script, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
}
