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

// Share quote: while words of the story are selected, a button under the block where the selection
// ends makes a link that opens on those words (…/#paragraph:~:text=…, a text fragment) and hands it
// to the share sheet, or copies it. It follows the selection in the page, so Tab reaches it next.
const source = document.querySelector('[data-quote-source]');
const control = document.querySelector('[data-quote-share]');
const quoteButton = control?.querySelector('button');
if (source && control && quoteButton && (navigator.clipboard || typeof navigator.share === 'function')) {
  const status = control.querySelector('.quote-share__status');
  let quote;

  const elementOf = (node) => (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
  const wordCharacter = /[\p{L}\p{N}\p{M}]/u;
  // A text fragment matches whole words: a word cut by the selection is left out of the quote.
  const cutsWord = (text, at) => at > 0 && at < text.length && wordCharacter.test(text[at - 1]) && wordCharacter.test(text[at]);

  const words = (text) => text.split(/\s+/).filter((word) => word && word !== '¶');
  const blockOf = (node) => [...source.children].find((child) => child !== control && child.contains(node));

  const selectedQuote = () => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
    const range = selection.getRangeAt(0);
    if (!source.contains(range.startContainer) || !source.contains(range.endContainer)) return undefined;
    const blocks = selection
      .toString()
      .split(/\n+/)
      .map(words)
      .filter((block) => block.length > 0);
    if (blocks.length === 0) return undefined;
    const first = blocks[0];
    const last = blocks.length === 1 ? first : blocks.at(-1);
    const { startContainer: start, startOffset, endContainer: end, endOffset } = range;
    const cutAtStart = start.nodeType === Node.TEXT_NODE && cutsWord(start.data, startOffset);
    if (cutAtStart) first.shift();
    if (end.nodeType === Node.TEXT_NODE && cutsWord(end.data, endOffset)) last.pop();
    if (first.length === 0 || last.length === 0) return undefined;
    // Up to three words before the quote, so that a common phrase opens where it was selected.
    const startBlock = blockOf(start);
    let prefix = [];
    if (startBlock && !cutAtStart) {
      const before = document.createRange();
      before.setStart(startBlock, 0);
      before.setEnd(start, startOffset);
      prefix = words(before.toString()).slice(-3);
    }
    return { paragraph: elementOf(start)?.closest('p[id]'), block: blockOf(end), prefix, first, last, single: blocks.length === 1 };
  };

  // A text directive: the prefix, then the words of a short passage in one block, or else the
  // first and last words of the passage.
  const directive = ({ prefix, first, last, single }) => {
    const encode = (list) => encodeURIComponent(list.join(' ')).replace(/-/g, '%2D');
    const context = prefix.length > 0 ? `${encode(prefix)}-,` : '';
    if (single && first.length <= 12) return context + encode(first);
    return `${context}${encode(first.slice(0, 5))},${encode(last.slice(-5))}`;
  };

  document.addEventListener('selectionchange', () => {
    const found = selectedQuote();
    if (!found) {
      if (document.activeElement !== quoteButton) control.hidden = true;
      return;
    }
    quote = found;
    if (found.block && control.previousElementSibling !== found.block) found.block.after(control);
    control.hidden = false;
  });

  // Pressing the button must not clear the selection it is about.
  quoteButton.addEventListener('pointerdown', (event) => event.preventDefault());
  quoteButton.addEventListener('click', async () => {
    if (!quote) return;
    const anchor = quote.paragraph ? quote.paragraph.id : '';
    const link = `${quoteButton.dataset.quoteUrl}#${anchor}:~:text=${directive(quote)}`;
    const quoted = quote.single ? quote.first.join(' ') : `${quote.first.join(' ')} … ${quote.last.join(' ')}`;
    if (typeof navigator.share === 'function') {
      navigator.share({ text: `“${quoted}”`, url: link }).catch(() => {});
      return;
    }
    try {
      await navigator.clipboard.writeText(link);
      status.textContent = quoteButton.dataset.copiedLabel;
      setTimeout(() => (status.textContent = ''), 2500);
    } catch {
      // Clipboard refused (permissions): nothing to copy into.
    }
  });
}
