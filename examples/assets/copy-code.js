// «Скопировать код»: the clipboard where the browser allows it, else the code is selected for
// Ctrl+C (an http:// address or an old browser has no navigator.clipboard). The result is said in
// a polite live region, so a screen reader hears it too.

/** Wires `button` to copy the text of `code` and report in `status` (role="status"). */
export function wireCopyButton(button, code, status) {
  let clearTimer;
  const say = (text) => {
    clearTimeout(clearTimer);
    status.textContent = '';
    // A fresh text node each time: the same message twice in a row is announced twice.
    requestAnimationFrame(() => (status.textContent = text));
    clearTimer = setTimeout(() => (status.textContent = ''), 8000);
  };
  button.addEventListener('click', async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(code.textContent ?? '');
      say('Код скопирован');
    } catch {
      const range = document.createRange();
      range.selectNodeContents(code);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      say('Код выделен: нажмите Ctrl+C (на телефоне — «Копировать»)');
    }
  });
}
