// The web editor's own rules on top of Decap CMS, which is loaded just before this file, on /admin/
// only. A field an editor cleared is left out of the file rather than written as "" or []: the
// format reads a missing optional field as "none" but refuses an empty one.
const CMS = window.CMS;

const isCollection = (value) => value !== null && typeof value === 'object' && typeof value.filter === 'function' && 'size' in value;
const isEmpty = (value) =>
  value === null || value === undefined || (typeof value === 'string' && value.trim() === '') || (isCollection(value) && value.size === 0);

/** The entry's values without empty strings, lists and maps, at any depth (Immutable Maps and Lists). */
const prune = (value) => (isCollection(value) ? value.map(prune).filter((item) => !isEmpty(item)) : value);

CMS?.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    const data = entry.get('data');
    // The body is the story itself: kept even while empty, so the check can say so.
    return prune(data).set('body', data.get('body') ?? '');
  },
});

// Articles may be filed anywhere under content/, so the Articles collection lists that whole folder;
// site pages and author profiles live there too, in folders of their own collections. A listing of
// one collection's folder leaves out the files of a collection whose folder lies inside it. (The
// backends are Decap's own; only what their listings return is narrowed.)
const leaveOutInnerCollections = (implementation, config) => {
  const folders = (config.collections ?? []).map((collection) => collection.folder).filter(Boolean);
  const narrow = (folder, entries) => {
    const inner = folders.filter((other) => other.startsWith(`${folder}/`)).map((other) => `${other}/`);
    if (inner.length === 0) return entries;
    const kept = entries.filter((entry) => !inner.some((prefix) => entry.file?.path?.startsWith(prefix)));
    // Paging information rides on the list under symbol keys.
    for (const key of Object.getOwnPropertySymbols(entries)) kept[key] = entries[key];
    return kept;
  };
  for (const method of ['entriesByFolder', 'allEntriesByFolder']) {
    const list = implementation[method]?.bind(implementation);
    if (list) implementation[method] = async (folder, ...rest) => narrow(folder, await list(folder, ...rest));
  }
  return implementation;
};

for (const name of ['github', 'proxy']) {
  const backend = CMS?.getBackend(name);
  if (!backend) continue;
  const init = backend.init;
  backend.init = (config, options) => leaveOutInnerCollections(init(config, options), config);
}
