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

/** Pagefind's excerpt is escaped text with <mark> around the matches: keep exactly those two. */
function excerptNodes(excerpt) {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html').body.firstChild;
  const paragraph = document.createElement('p');
  for (const node of parsed.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(node.textContent);
    }
  }
  return paragraph;
}

async function search(query) {
  const found = await pagefind.debouncedSearch(query, {}, 200);
  if (found === null) return; // A newer keystroke took over.
  const results = await Promise.all(found.results.slice(0, 20).map((result) => result.data()));
  list.replaceChildren(
    ...results.map((result) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = result.url;
      link.textContent = result.meta.title;
      item.append(link, excerptNodes(result.excerpt));
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
