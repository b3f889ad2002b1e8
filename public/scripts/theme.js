// The theme toggle: light or dark as the reader chose, remembered on this device; without a choice
// the page follows the system setting (prefers-color-scheme), with or without this script.
const root = document.documentElement;
const KEY = 'dateline-theme';
const stored = (() => {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // Storage refused (private mode): the choice lasts for this page only.
  }
})();
if (stored === 'light' || stored === 'dark') root.dataset.theme = stored;

const isDark = () =>
  root.dataset.theme === 'dark' || (root.dataset.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);

for (const button of document.querySelectorAll('[data-theme-toggle]')) {
  button.dataset.ready = '';
  button.setAttribute('aria-pressed', String(isDark()));
  button.addEventListener('click', () => {
    root.dataset.theme = isDark() ? 'light' : 'dark';
    button.setAttribute('aria-pressed', String(isDark()));
    try {
      localStorage.setItem(KEY, root.dataset.theme);
    } catch {
      // Not remembered; still applied.
    }
  });
}
