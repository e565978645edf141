// The persona page: its images page by page as the reader scrolls, as thumbnails that open the original; votes
// and delete.
import { $, api, auth, imagePath, personaPath, problemText, sendJson, signedIn } from './rest-api.js';
import { loadGallery, needsAuthorization, openPersona, prefillForm } from './app.js';
import { modelName } from './models.js';

const IMAGE_PAGE_SIZE = 24;
const URL_MARGIN_MS = 5_000;

const view = {
  slug: null,             // slug of the persona page being shown
  persona: null,          // {name, slug, imageCount} of that page
  nextImages: null,       // relative URL of the persona's next image page, or null
  loading: false,
  sentinel: null,         // the IntersectionObserver that loads the next page (kept here so it stays alive)
};

export function currentSlug() {
  return view.slug;
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
  for (const card of document.querySelectorAll('#persona-images .image-card')) {
    if (card.image) updateImageCard(card, card.image);
  }
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

export async function showPersona(slug) {
  view.slug = slug;
  view.persona = null;
  view.nextImages = null;
  $('#persona-view').hidden = false;
  const firstPage = personaPath(slug) + '?limit=' + imagePageSize();
  const reply = await api(firstPage);
  if (view.slug !== slug) return;
  $('#persona-images').replaceChildren();
  if (reply.status === 404) {
    const name = nameFromSlug(slug);
    $('#persona-title').textContent = name;
    $('#persona-count').textContent = '';
    $('#persona-missing').hidden = false;
    $('#persona-missing').textContent = name + ' does not exist yet!';
    renderMoreImages();
    prefillForm(name, false);
    document.title = name + ' · Persona Composer';
    return;
  }
  if (reply.status !== 200 || !reply.body) {
    $('#persona-missing').hidden = false;
    $('#persona-missing').textContent = problemText(reply, 'This persona cannot be shown right now.');
    renderMoreImages();
    return;
  }
  const persona = reply.body;
  view.persona = { name: persona.name, slug: persona.slug, imageCount: persona.imageCount };
  $('#persona-missing').hidden = true;
  $('#persona-title').textContent = persona.name;
  document.title = persona.name + ' · Persona Composer';
  appendImages(persona.images || [], firstPage, (body) => body.images);
  view.nextImages = persona.nextImages || null;
  renderPersonaCount();
  renderMoreImages();
  prefillForm(persona.name, true);
}

function renderPersonaCount() {
  const count = view.persona && typeof view.persona.imageCount === 'number'
    ? view.persona.imageCount : $('#persona-images').children.length;
  $('#persona-count').textContent = count + (count === 1 ? ' image' : ' images');
}

/**
 * Adds a page of image cards. pageUrl fetches that page again and itemsOf finds its images in the answer:
 * presigned URLs live 60 s, so a card whose URL expired asks its page for fresh ones.
 */
function appendImages(images, pageUrl, itemsOf) {
  const grid = $('#persona-images');
  const page = { url: pageUrl, itemsOf, cards: new Map(), refreshing: null };
  for (const image of images) {
    if (grid.querySelector('[data-image-id="' + CSS.escape(image.id) + '"]')) continue;
    const card = imageCard(image, page);
    page.cards.set(image.id, card);
    grid.append(card);
  }
}

/** Fetches the page again and gives its cards fresh URLs (and current counts). */
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

function imageCard(image, page) {
  const card = $('#image-card').content.firstElementChild.cloneNode(true);
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
    openOriginal(card);
  });
  card.querySelector('.vote.up').addEventListener('click', () => vote(card, 'up'));
  card.querySelector('.vote.down').addEventListener('click', () => vote(card, 'down'));
  card.querySelector('.delete').addEventListener('click', () => deleteImage(card));
  updateImageCard(card, image);
  return card;
}

function updateImageCard(card, image) {
  card.image = image;
  const name = view.persona ? view.persona.name : '';
  const img = card.querySelector('img');
  const thumbnail = image.thumbnailUrl || image.url;
  if (img.getAttribute('src') !== thumbnail) img.src = thumbnail;
  img.alt = 'Portrait of ' + name + (image.description ? ': ' + image.description : '');
  const link = card.querySelector('.open-original');
  link.href = image.url;
  link.setAttribute('aria-label', 'Open the full-size image' + (image.description ? ' of ' + image.description : ''));
  card.querySelector('.motto').textContent = image.motto;
  card.querySelector('.description').textContent = image.description || '';
  card.querySelector('.meta').textContent = 'Created with ' + modelName(image.model);
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

/** Votes the given way; pressing the button of one's own vote again withdraws it. */
async function vote(card, direction) {
  const image = card.image;
  const path = imagePath(view.persona.slug, image.id) + '/votes';
  const withdraw = image.myVote === direction;
  const reply = withdraw ? await sendJson('DELETE', path) : await sendJson('POST', path, { direction });
  if (reply.status === 200 && reply.body) {
    Object.assign(image, reply.body);
    showVotes(card, image);
  } else if (reply.status === 401 || reply.status === 403) {
    needsAuthorization('Voting');
  } else if (reply.status === 429) {
    $('#form-error').textContent = problemText(reply, 'Too many votes at once: wait a moment.');
  }
}

async function deleteImage(card) {
  if (!confirm('Delete this image of ' + view.persona.name + '? This cannot be undone.')) return;
  const reply = await api(imagePath(view.persona.slug, card.image.id), { method: 'DELETE' });
  if (reply.status === 204 || reply.status === 200 || reply.status === 404) {
    card.remove();
    if (typeof view.persona.imageCount === 'number') view.persona.imageCount -= 1;
    renderPersonaCount();
    if (!$('#persona-images').children.length && !view.nextImages) openPersona(view.persona.slug);
    loadGallery(true);
  } else if (reply.status === 401) {
    needsAuthorization('Deleting an image');
  } else {
    $('#form-error').textContent = reply.status === 403
      ? 'Only the image’s creator can delete it.'
      : problemText(reply, 'The image could not be deleted (HTTP ' + reply.status + ').');
  }
}

// The original, on demand.

async function openOriginal(card) {
  if (expired(card.image)) await refreshPage(card.page);
  const image = card.image;
  const dialog = $('#original');
  const img = dialog.querySelector('img');
  img.src = image.url;
  img.alt = card.querySelector('img').alt;
  dialog.querySelector('.original-caption').textContent = image.motto || '';
  if (typeof dialog.showModal === 'function') dialog.showModal(); else window.open(image.url, '_blank', 'noopener');
}

function closeOriginal() {
  $('#original').close();
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
    }
  } catch {
    // Offline for a moment: the button stays, and scrolling or a click tries again.
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

/** Wires the persona view's controls; the next page loads when the sentinel comes within 400 px of the screen. */
export function initPersonaView() {
  $('#more-images').addEventListener('click', loadMoreImages);
  $('#original-close').addEventListener('click', closeOriginal);
  // A click on the backdrop closes it too; closing (also by Escape) lets go of the full-size image.
  $('#original').addEventListener('click', (event) => { if (event.target === event.currentTarget) closeOriginal(); });
  $('#original').addEventListener('close', () => $('#original img').removeAttribute('src'));
  if (!('IntersectionObserver' in window)) return;
  view.sentinel = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) loadMoreImages();
  }, { rootMargin: '400px 0px' });
  view.sentinel.observe($('#more-images'));
}

