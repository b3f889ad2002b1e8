// The search page: Pagefind's index, searched in the reader's browser. Results are plain links,
// reachable with Tab; the count is announced to screen readers.
const form = document.querySelector('[data-search-form]');
const input = form.querySelector('input[type=search]');
const status = document.querySelector('[data-search-status]');
const list = document.querySelector('[data-search-results]');
const { base, noResults, resultsFor } = form.dataset;

const pagefind = await import(`${base}pagefind/pagefind.js`);
await pagefind.options({ baseUrl: base });
// The index comes in parts by year (src/build/search-index.ts): the newest is pagefind/ itself, each older
// part is merged in from its folder, and one search ranks the results of all of them together.
const olderParts = await fetch(`${base}pagefind/shards.json`).then((response) => (response.ok ? response.json() : []));
for (const part of olderParts) await pagefind.mergeIndex(`${base}pagefind/${part}/`, { baseUrl: base });

const squeeze = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * Pagefind's excerpt is escaped text with <mark> around the matches: keep exactly those two. The
 * headline is shown above it, so a copy of it at the start is dropped; an ellipsis marks where the
 * excerpt cuts into the text, at either end.
 */
function excerptNodes(excerpt, title, content) {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html').body.firstChild;
  const pieces = [...parsed.childNodes].map((node) => ({ text: node.textContent, marked: node.nodeName === 'MARK' }));
  let skip = squeeze(parsed.textContent).startsWith(squeeze(title)) ? title.length : 0;
  for (const piece of pieces) {
    const leading = piece.text.length - piece.text.trimStart().length;
    const cut = Math.min(piece.text.length, skip === 0 ? 0 : skip + leading);
    skip = Math.max(0, skip - (piece.text.length - leading));
    piece.text = piece.text.slice(cut);
  }
  const shown = squeeze(pieces.map((piece) => piece.text).join(''));
  const body = squeeze(content);
  const paragraph = document.createElement('p');
  if (shown !== '' && !body.slice(squeeze(title).length).trimStart().startsWith(shown) && !body.startsWith(shown)) paragraph.append('… ');
  for (const piece of pieces) {
    if (piece.text === '') continue;
    if (piece.marked) paragraph.append(Object.assign(document.createElement('mark'), { textContent: piece.text }));
    else paragraph.append(piece.text);
  }
  if (shown !== '' && !body.endsWith(shown)) paragraph.append(' …');
  return paragraph;
}

/** The dateline and date under a result's headline, as the lists show them. */
function metaLine({ dateline, date, datetime }) {
  const line = document.createElement('p');
  line.className = 'search__meta';
  const place = Object.assign(document.createElement('span'), { className: 'dateline', textContent: dateline ?? '' });
  const time = Object.assign(document.createElement('time'), { dateTime: datetime ?? '', textContent: date ?? '' });
  line.append(place, ' ', time);
  return line;
}

async function search(query) {
  const found = await pagefind.debouncedSearch(query, {}, 200);
  if (found === null) return; // A newer keystroke took over.
  const results = await Promise.all(found.results.slice(0, 20).map((result) => result.data()));
  list.replaceChildren(
    ...results.map((result) => {
      const item = document.createElement('li');
      // Each result reads in its own direction, whatever the page's.
      item.dir = 'auto';
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta.title;
      item.append(link, metaLine(result.meta), excerptNodes(result.excerpt, result.meta.title, result.content));
      return item;
    }),
  );
  status.textContent =
    query.trim() === ''
      ? ''
      : found.results.length === 0
        ? noResults
        : resultsFor.replace('{count}', found.results.length).replace('{query}', query);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  history.replaceState(null, '', `?q=${encodeURIComponent(input.value)}`);
  search(input.value);
});
input.addEventListener('input', () => search(input.value));

const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  search(initial);
}
