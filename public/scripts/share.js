// Optional: every share link works without this script. It shows the copy-link and native-share
// buttons only where the browser can do what they promise (data-ready; see global.css).
for (const item of document.querySelectorAll('[data-share-needs="clipboard"]')) {
  const button = item.querySelector('button');
  if (!navigator.clipboard || !button) continue;
  item.dataset.ready = '';
  const status = button.querySelector('.share__status');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.shareCopy);
      button.dataset.copied = 'true';
      status.textContent = button.dataset.copiedLabel;
      setTimeout(() => {
        delete button.dataset.copied;
        status.textContent = '';
      }, 2500);
    } catch {
      // Clipboard refused (permissions): the address bar still holds the link.
    }
  });
}

for (const item of document.querySelectorAll('[data-share-needs="share"]')) {
  const button = item.querySelector('button');
  if (typeof navigator.share !== 'function' || !button) continue;
  item.dataset.ready = '';
  button.addEventListener('click', () => {
    navigator.share({ title: button.dataset.shareTitle, url: button.dataset.shareNative }).catch(() => {});
  });
}
