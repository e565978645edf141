// Small helpers every part of the page uses: finding elements, announcing a change once, problems with a retry.
export const $ = (selector) => document.querySelector(selector);

/**
 * Says a change once to screen readers (a search's result count, a finished request): the one polite live region
 * of the page. The same words twice in a row are said again (the region is emptied first).
 */
export function announce(text) {
  const region = $('#announcer');
  region.textContent = '';
  requestAnimationFrame(() => { region.textContent = text; });
}

/**
 * Shows what failed where it failed: text in a status line (said once to screen readers) and a button that runs
 * retry; showProblem(textElement, retryButton, null) clears both. A surrounding .problem box shows only with a text.
 */
export function showProblem(textElement, retryButton, text, retry) {
  const container = textElement.closest('.problem, .problem-inline');
  if (container) container.hidden = !text;
  retryButton.hidden = !text || !retry;
  retryButton.onclick = text && retry ? () => { showProblem(textElement, retryButton, null); retry(); } : null;
  // A status line just shown is said only if its text arrives after it is there.
  textElement.textContent = '';
  if (text) requestAnimationFrame(() => { textElement.textContent = text; });
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}
