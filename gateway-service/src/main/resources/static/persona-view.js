// The persona page: its images page by page as the reader scrolls, as thumbnails (sharp on dense screens) that open
// the original; votes, delete, a stable link and a download per image. What failed is said on what failed, with a
// retry. The server puts the first page into the page (persona-data) and draws its cards; they are taken over here.
import { api, auth, imagePagePath, imagePath, originalPath, personaPath, problemText, sendJson, signedIn } from './rest-api.js';
import { modelName } from './models.js';
import { $, showProblem } from './ui.js';

const IMAGE_PAGE_SIZE = 24;
const URL_MARGIN_MS = 5_000;

const view = {
  slug: null,             // slug of the persona page being shown
  persona: null,          // {name, slug, imageCount} of that page
  nextImages: null,       // relative URL of the persona's next image page, or null
  loading: false,
  sentinel: null,         // the IntersectionObserver that loads the next page (kept here so it stays alive)
  serverData: null,       // {limit, persona} the server put into the page, used once
  pages: [],              // the pages of cards shown, each refreshed as a whole
};

let handlers = {
  loaded: () => {}, missing: () => {}, changed: () => {}, needsAuthorization: () => {}, signInAgain: () => {},
  imageClosed: () => {},
};

export function currentSlug() {
  return view.slug;
}

export function currentName() {
  return view.persona ? view.persona.name : null;
}

export function hidePersona() {
  view.slug = null;
  view.persona = null;
  view.nextImages = null;
  $('#persona-view').hidden = true;
  renderMoreImages();
}

/** Delete buttons and one's own votes depend on who is signed in. */
export function refreshImageCards() {
  for (const card of cards()) {
    if (card.image) updateImageCard(card, card.image);
  }
}

function cards() {
  return document.querySelectorAll('#persona-images .image-card');
}

function nameFromSlug(slug) {
  // The original app's page showed the name from the URL; drop our uniqueness tag if there is one.
  return slug.replace(/-[0-9a-f]{8}$/, '').split('-').filter(Boolean)
    .map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1)).join(' ');
}

/** Images per page: 24, or what the page's own ?limit= asks for (1-100), so a link can choose. */
function imagePageSize() {
  const asked = Number.parseInt(new URLSearchParams(location.search).get('limit'), 10);
  return asked >= 1 && asked <= 100 ? asked : IMAGE_PAGE_SIZE;
}

/** The first page the server put into the page, if it is this persona's at this size (only once: it ages). */
function serverPage(slug, limit) {
  const data = view.serverData;
  view.serverData = null;
  if (!data || !data.persona || data.persona.slug !== slug || data.limit !== limit) return null;
  return { status: 200, body: data.persona };
}

/**
 * Shows the persona (again with reload: it has a new image): from the server's first page when the page came with
 * it, else asked for now.
 */
export async function showPersona(slug, reload = false) {
  if (view.slug === slug && view.persona && !reload) return;
  view.slug = slug;
  view.persona = null;
  view.nextImages = null;
  view.pages = [];
  $('#persona-view').hidden = false;
  showProblem($('#persona-problem-text'), $('#persona-retry'), null);
  showProblem($('#images-problem-text'), $('#images-retry'), null);
  const limit = imagePageSize();
  const firstPage = personaPath(slug) + '?limit=' + limit;
  const fromServer = serverPage(slug, limit);
  const reply = fromServer || await api(firstPage).catch(() => null);
  if (view.slug !== slug) return;
  if (!fromServer) $('#persona-images').replaceChildren();
  if (reply && reply.status === 404) {
    const name = nameFromSlug(slug);
    $('#persona-title').textContent = name;
    $('#persona-count').textContent = '';
    $('#persona-missing').hidden = false;
    $('#persona-missing').textContent = name + ' does not exist yet!';
    renderMoreImages();
    handlers.missing(name);
    return;
  }
  if (!reply || reply.status !== 200 || !reply.body) {
    $('#persona-missing').hidden = true;
    view.slug = null;
    showProblem($('#persona-problem-text'), $('#persona-retry'), reply
      ? problemText(reply, 'This persona cannot be shown right now (HTTP ' + reply.status + ').')
      : 'This persona cannot be shown right now: the server cannot be reached.', () => showPersona(slug));
    return;
  }
  const persona = reply.body;
  view.persona = { name: persona.name, slug: persona.slug, imageCount: persona.imageCount };
  $('#persona-missing').hidden = true;
  $('#persona-title').textContent = persona.name;
  appendImages(persona.images || [], firstPage, (body) => body.images);
  view.nextImages = persona.nextImages || null;
  renderPersonaCount();
  renderMoreImages();
  handlers.loaded(persona);
}

/**
 * Reads the cards' pages again for the caller: the server's first page was read for nobody in particular, so the
 * caller's own votes and images show once the page knows who is calling.
 */
export function refreshOwnVotes() {
  view.pages.forEach(refreshPage);
}

function renderPersonaCount() {
  const count = view.persona && typeof view.persona.imageCount === 'number'
    ? view.persona.imageCount : cards().length;
  $('#persona-count').textContent = count + (count === 1 ? ' image' : ' images');
}

/**
 * Adds a page of image cards (taking over those the server drew). pageUrl fetches that page again and itemsOf finds
 * its images in the answer: presigned URLs live 60 s, so a card whose URL expired asks its page for fresh ones.
 */
function appendImages(images, pageUrl, itemsOf) {
  const grid = $('#persona-images');
  const page = { url: pageUrl, itemsOf, cards: new Map(), refreshing: null };
  view.pages.push(page);
  for (const image of images) {
    const drawn = grid.querySelector('[data-image-id="' + CSS.escape(image.id) + '"]');
    if (drawn && drawn.page) continue;
    const card = imageCard(image, page, drawn);
    page.cards.set(image.id, card);
    if (!drawn) grid.append(card);
  }
}

/** Fetches the page again and gives its cards fresh URLs (and current counts, one's own votes). */
function refreshPage(page) {
  if (!page.refreshing) {
    page.refreshing = api(page.url).then((reply) => {
      if (reply.status !== 200 || !reply.body) return;
      for (const image of page.itemsOf(reply.body) || []) {
        const card = page.cards.get(image.id);
        if (card) updateImageCard(card, image);
      }
    }).catch(() => null).finally(() => { page.refreshing = null; });
  }
  return page.refreshing;
}

function expired(image) {
  const expiresAt = Date.parse(image.urlExpiresAt);
  return !Number.isNaN(expiresAt) && expiresAt - URL_MARGIN_MS <= Date.now();
}

/** A card for the image: the server's (drawn) or a copy of the page's template. */
function imageCard(image, page, drawn) {
  const card = drawn || $('#image-card').content.firstElementChild.cloneNode(true);
  card.dataset.imageId = image.id;
  card.page = page;
  const img = card.querySelector('img');
  // A thumbnail that could not load (its URL expired before it scrolled into view) is fetched once more.
  img.addEventListener('error', () => {
    if (card.retried) return;
    card.retried = true;
    refreshPage(page);
  });
  img.addEventListener('load', () => { card.retried = false; });
  card.querySelector('.open-original').addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    openImage(card.image.id);
  });
  card.querySelector('.vote.up').addEventListener('click', () => vote(card, 'up'));
  card.querySelector('.vote.down').addEventListener('click', () => vote(card, 'down'));
  card.querySelector('.delete').addEventListener('click', () => {
    if (confirm('Delete this image of ' + view.persona.name + '? This cannot be undone.')) deleteImage(card);
  });
  card.querySelector('.copy-link').addEventListener('click', () => copyLink(card));
  updateImageCard(card, image);
  return card;
}

function updateImageCard(card, image) {
  card.image = image;
  const name = view.persona ? view.persona.name : '';
  const img = card.querySelector('img');
  const thumbnail = image.thumbnailUrl || image.url;
  const srcset = image.thumbnail2xUrl ? thumbnail + ' 1x, ' + image.thumbnail2xUrl + ' 2x' : '';
  if (img.getAttribute('srcset') !== srcset) img.srcset = srcset;
  if (img.getAttribute('src') !== thumbnail) img.src = thumbnail;
  img.alt = 'Portrait of ' + name + (image.description ? ': ' + image.description : '');
  const link = card.querySelector('.open-original');
  link.href = imagePagePath(view.slug, image.id);
  link.setAttribute('aria-label', 'Open the full-size image' + (image.description ? ' of ' + image.description : ''));
  card.querySelector('.motto').textContent = image.motto;
  card.querySelector('.description').textContent = image.description || '';
  card.querySelector('.meta').textContent = 'Created with ' + modelName(image.model);
  const download = card.querySelector('.download');
  download.href = originalPath(view.slug, image.id, true);
  download.setAttribute('aria-label', 'Download the full-size image' + (image.description ? ' of ' + image.description : ''));
  card.querySelector('.copy-link').setAttribute('aria-label', 'Copy the link to this image' + (image.description ? ' of ' + image.description : ''));
  showVotes(card, image);
  // The server says which images are the caller's own (createdBy is a name for everyone to see, not an id).
  const deletable = image.mine || Boolean(auth.me && auth.me.admin);
  card.querySelector('.delete').hidden = !(signedIn() && deletable);
}

function showVotes(card, counts) {
  const up = card.querySelector('.vote.up');
  const down = card.querySelector('.vote.down');
  up.querySelector('.count').textContent = counts.upvotes;
  down.querySelector('.count').textContent = counts.downvotes;
  up.setAttribute('aria-label', 'Vote up (' + counts.upvotes + ' up votes)');
  down.setAttribute('aria-label', 'Vote down (' + counts.downvotes + ' down votes)');
  // myVote is absent where the server does not know the caller's vote: then neither button shows as pressed.
  up.setAttribute('aria-pressed', String(counts.myVote === 'up'));
  down.setAttribute('aria-pressed', String(counts.myVote === 'down'));
}

/** What failed on this card, said on the card, with a retry (null clears it). */
function cardProblem(card, text, retry) {
  showProblem(card.querySelector('.card-message'), card.querySelector('.retry'), text, retry);
}

function cardNotice(card, text) {
  cardProblem(card, null);
  card.querySelector('.card-message').textContent = text;
}

/** Votes the given way; pressing the button of one's own vote again withdraws it. */
async function vote(card, direction) {
  const image = card.image;
  const path = imagePath(view.persona.slug, image.id) + '/votes';
  const withdraw = image.myVote === direction;
  cardProblem(card, null);
  const reply = withdraw ? await sendJson('DELETE', path).catch(() => null) : await sendJson('POST', path, { direction }).catch(() => null);
  const again = () => vote(card, direction);
  if (reply && reply.status === 200 && reply.body) {
    Object.assign(image, reply.body);
    showVotes(card, image);
  } else if (reply && reply.status === 401 && auth.lapsed) {
    handlers.signInAgain({ kind: 'vote', slug: view.persona.slug, imageId: image.id, direction });
  } else if (reply && (reply.status === 401 || reply.status === 403)) {
    cardProblem(card, auth.config ? 'Voting needs you to sign in.' : 'Voting needs an API key.', null);
    handlers.needsAuthorization('Voting');
  } else if (reply && reply.status === 429) {
    cardProblem(card, problemText(reply, 'Too many votes at once: wait a moment.'), again);
  } else {
    cardProblem(card, reply ? problemText(reply, 'Your vote was not counted (HTTP ' + reply.status + ').')
      : 'Your vote was not counted: the server cannot be reached.', again);
  }
}

/** Casts a vote a sign-in interrupted (the page came back from the provider). */
export function resumeVote(imageId, direction) {
  const card = [...cards()].find((candidate) => candidate.image && candidate.image.id === imageId);
  if (card && card.image.myVote !== direction) vote(card, direction);
}

async function deleteImage(card) {
  cardProblem(card, null);
  const reply = await api(imagePath(view.persona.slug, card.image.id), { method: 'DELETE' }).catch(() => null);
  const again = () => deleteImage(card);
  if (reply && (reply.status === 204 || reply.status === 200 || reply.status === 404)) {
    card.remove();
    if (typeof view.persona.imageCount === 'number') view.persona.imageCount -= 1;
    renderPersonaCount();
    const emptied = !cards().length && !view.nextImages;
    handlers.changed(emptied ? view.persona.slug : null);
  } else if (reply && reply.status === 401 && auth.lapsed) {
    handlers.signInAgain({ kind: 'notice', text: 'You were signed in again: press Delete once more to delete the image.' });
  } else if (reply && reply.status === 401) {
    cardProblem(card, 'Deleting needs you to sign in.', null);
    handlers.needsAuthorization('Deleting an image');
  } else if (reply && reply.status === 403) {
    cardProblem(card, 'Only the image’s creator can delete it.', null);
  } else {
    cardProblem(card, reply ? problemText(reply, 'The image could not be deleted (HTTP ' + reply.status + ').')
      : 'The image could not be deleted: the server cannot be reached.', again);
  }
}

/** The image's own page, as a link to share (it opens the image; its preview shows it). */
async function copyLink(card) {
  const link = location.origin + imagePagePath(view.slug, card.image.id);
  try {
    await navigator.clipboard.writeText(link);
    cardNotice(card, 'Link copied.');
  } catch {
    // No clipboard here (a page served over plain HTTP has none): the link is shown to copy by hand.
    cardNotice(card, 'Copy this link: ' + link);
  }
}

// The original, on demand, at the image's own address (/p/{slug}/images/{id}).

/** Opens the image: its card's when loaded, else read by id (an image further down than the pages loaded). */
export async function openImage(imageId, fromAddress) {
  let card = [...cards()].find((candidate) => candidate.image && candidate.image.id === imageId);
  let image = card ? card.image : null;
  if (card && expired(image)) {
    await refreshPage(card.page);
    image = card.image;
  }
  if (!image) {
    const reply = await api(imagePath(view.slug, imageId)).catch(() => null);
    if (!reply || reply.status !== 200 || !reply.body) {
      showProblem($('#images-problem-text'), $('#images-retry'), reply && reply.status === 404
        ? 'This persona has no such image (it may have been deleted).'
        : 'The image cannot be shown right now.', reply && reply.status === 404 ? null : () => openImage(imageId, fromAddress));
      return;
    }
    image = reply.body;
  }
  if (!fromAddress) history.pushState({ image: imageId }, '', imagePagePath(view.slug, imageId));
  const dialog = $('#original');
  const img = dialog.querySelector('img');
  img.src = image.url;
  img.alt = 'Portrait of ' + (view.persona ? view.persona.name : '') + (image.description ? ': ' + image.description : '');
  dialog.querySelector('.original-caption').textContent = image.motto || '';
  $('#original-download').href = originalPath(view.slug, image.id, true);
  if (!dialog.open) dialog.showModal();
}

/** Closes the image (the address went back to the persona's, or the reader closed it). */
export function closeImage() {
  if ($('#original').open) $('#original').close();
}

// More images as the reader scrolls.

function renderMoreImages() {
  $('#more-images').hidden = !view.nextImages;
}

async function loadMoreImages() {
  const next = view.nextImages;
  const slug = view.slug;
  if (!next || view.loading || !next.startsWith('/api/')) return;
  view.loading = true;
  $('#more-images').disabled = true;
  let loaded = false;
  try {
    const reply = await api(next);
    if (view.slug !== slug || view.nextImages !== next) return;
    if (reply.status === 200 && reply.body) {
      appendImages(reply.body.items || [], next, (body) => body.items);
      view.nextImages = reply.body.next || null;
      renderPersonaCount();
      loaded = true;
    } else {
      showProblem($('#images-problem-text'), $('#images-retry'),
        problemText(reply, 'More images could not be loaded (HTTP ' + reply.status + ').'), loadMoreImages);
    }
  } catch {
    showProblem($('#images-problem-text'), $('#images-retry'),
      'More images could not be loaded: the server cannot be reached.', loadMoreImages);
  } finally {
    view.loading = false;
    $('#more-images').disabled = false;
    renderMoreImages();
  }
  // The sentinel may still be on screen (a tall window, small pages): keep going until it is not.
  if (loaded && view.nextImages && sentinelVisible()) loadMoreImages();
}

function sentinelVisible() {
  const box = $('#more-images').getBoundingClientRect();
  return box.height > 0 && box.top < window.innerHeight + 400;
}

/**
 * Wires the persona view's controls; the next page loads when the sentinel comes within 400 px of the screen.
 * on.loaded(persona), on.missing(name): what the page shows; on.changed(emptiedSlug): an image was deleted (the
 * persona went with its last one when emptiedSlug is given); on.needsAuthorization(action); on.signInAgain(resume):
 * the session lapsed during an action; on.imageClosed(): the reader closed the image.
 */
export function initPersonaView(on) {
  handlers = on;
  const data = document.getElementById('persona-data');
  if (data) {
    try { view.serverData = JSON.parse(data.textContent); } catch { view.serverData = null; }
  }
  $('#more-images').addEventListener('click', loadMoreImages);
  $('#original-close').addEventListener('click', closeImage);
  // A click on the backdrop closes it too; closing (also by Escape) lets go of the full-size image.
  $('#original').addEventListener('click', (event) => { if (event.target === event.currentTarget) closeImage(); });
  $('#original').addEventListener('close', () => {
    $('#original img').removeAttribute('src');
    handlers.imageClosed();
  });
  if (!('IntersectionObserver' in window)) return;
  view.sentinel = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) loadMoreImages();
  }, { rootMargin: '400px 0px' });
  view.sentinel.observe($('#more-images'));
}
