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
