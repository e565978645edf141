// The gallery: everyone's personas (or the reader's own), newest first, a page at a time, searchable by name.
import { api } from './rest-api.js';
import { $, announce, debounce, showProblem } from './ui.js';

const PAGE_SIZE = 12;

const state = {
  page: 0,
  mine: false,            // "My personas" instead of everyone's
  open: () => {},
};

function problem(text, retry) {
  showProblem($('#gallery-problem-text'), $('#gallery-retry'), text, retry);
}

/**
 * Loads the first page (reset) or the next one. A search says its result count once; pages added by "Load more"
 * are not announced. A failed load says so under the list, with a retry.
 */
export async function loadGallery(reset) {
  if (reset) state.page = 0;
  const q = $('#search').value.trim();
  const params = new URLSearchParams({ page: state.page, size: PAGE_SIZE });
  if (q) params.set('q', q);
  if (state.mine) params.set('createdBy', 'me');
  const path = '/api/personas?' + params;
  const mine = state.mine;
  const list = $('#gallery-items');
  // Busy until the list answers what is asked now (a slower answer for the other tab is dropped).
  list.setAttribute('aria-busy', 'true');
  const reply = await api(path).catch(() => null);
  if (mine !== state.mine || q !== $('#search').value.trim()) return;
  list.setAttribute('aria-busy', 'false');
  if (!reply || reply.status !== 200 || !reply.body) {
    problem(reply ? 'The personas could not be loaded (HTTP ' + reply.status + ').'
      : 'The personas could not be loaded: the server cannot be reached.', () => loadGallery(reset));
    return;
  }
  problem(null);
  const cards = reply.body.items.map((item) => galleryCard(item, path));
  if (reset) list.replaceChildren(...cards); else list.append(...cards);
  const shown = list.children.length;
  $('#gallery-empty').hidden = shown > 0;
  $('#gallery-empty').textContent = q ? 'No persona matches “' + q + '”.'
    : mine ? 'You have not created any persona yet.' : 'No personas yet: compose the first one.';
  $('#load-more').hidden = !reply.body.next;
  if (reset && q) {
    announce(shown === 0 ? 'No persona matches “' + q + '”.'
      : (reply.body.next ? 'More than ' + shown : shown) + (shown === 1 ? ' persona matches' : ' personas match') + ' “' + q + '”.');
  }
}

function galleryCard(item, pagePath) {
  const card = $('#gallery-card').content.firstElementChild.cloneNode(true);
  card.dataset.slug = item.slug;
  const link = card.querySelector('a');
  link.href = '/p/' + encodeURIComponent(item.slug);
  link.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    state.open(item.slug);
  });
  const img = card.querySelector('img');
  if (item.coverUrl) setCover(img, item); else img.remove();
  img.alt = 'Portrait of ' + item.name;
  // Cover URLs expire too: a cover that fails to load asks its page for fresh URLs, once.
  img.addEventListener('error', async () => {
    if (card.retried) return;
    card.retried = true;
    const reply = await api(pagePath).catch(() => null);
    const fresh = reply && reply.status === 200 ? reply.body.items.find((other) => other.slug === item.slug) : null;
    if (fresh && fresh.coverUrl) setCover(img, fresh);
  });
  card.querySelector('.card-name').textContent = item.name;
  card.querySelector('.card-motto').textContent = item.motto || '';
  card.querySelector('.card-meta').textContent = item.imageCount + (item.imageCount === 1 ? ' image' : ' images');
  return card;
}

/** The cover at the screen's density: 256 px, or 512 px on screens of two device pixels per CSS pixel and more. */
function setCover(img, item) {
  if (item.cover2xUrl) img.srcset = item.coverUrl + ' 1x, ' + item.cover2xUrl + ' 2x';
  img.src = item.coverUrl;
}

function renderTabs() {
  $('#tab-all').setAttribute('aria-pressed', String(!state.mine));
  $('#tab-mine').setAttribute('aria-pressed', String(state.mine));
  $('#gallery-title').textContent = state.mine ? 'My personas' : 'Personas';
}

/** Everyone's personas or the reader's own. */
export function showMine(mine) {
  if (state.mine === mine) return;
  state.mine = mine;
  renderTabs();
  // The other tab's cards must not show under this title while its list loads.
  $('#gallery-items').replaceChildren();
  $('#gallery-empty').hidden = true;
  $('#load-more').hidden = true;
  loadGallery(true);
}

export function showingMine() {
  return state.mine;
}

/** Wires the search, the tabs and "Load more"; on.open(slug) opens a persona. */
export function initGallery(on) {
  state.open = on.open;
  $('#search').addEventListener('input', debounce(() => loadGallery(true), 250));
  $('#load-more').addEventListener('click', () => { state.page += 1; loadGallery(false); });
  $('#tab-all').addEventListener('click', () => showMine(false));
  $('#tab-mine').addEventListener('click', () => showMine(true));
}
