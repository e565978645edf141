// Persona Composer web page: plain JavaScript on the public REST API only. This module: the form, the progress of
// a request, the gallery and the routing between views.
import { loadAuth, loadMe, signIn, signOut } from './account.js';
import { $, api, auth, onAccountChange, problemText, signedIn } from './rest-api.js';
import { loadModels, modelName, needsSignIn, renderModels } from './models.js';
import { currentSlug, hidePersona, initPersonaView, refreshImageCards, showPersona } from './persona-view.js';

const FIELDS = ['name', 'description', 'mottoTone', 'model'];
const PAGE_SIZE = 12;

const state = {
  galleryPage: 0,
  galleryMine: false,     // "My personas" instead of everyone's
  stream: null,
  followedSlug: null,     // slug of the persona whose request the progress panel follows
};

// ---------- form ----------

function clearErrors() {
  for (const field of FIELDS) {
    $('#' + field + '-error').textContent = '';
    $('#' + field).removeAttribute('aria-invalid');
  }
  $('#form-error').textContent = '';
}

function showFieldErrors(errors) {
  let first = null;
  for (const error of errors) {
    const target = document.getElementById(error.field + '-error');
    if (target) {
      target.textContent = error.message;
      document.getElementById(error.field).setAttribute('aria-invalid', 'true');
      first = first || document.getElementById(error.field);
    } else {
      $('#form-error').textContent = (error.field ? error.field + ': ' : '') + error.message;
    }
  }
  if (first) first.focus();
}

function formPayload() {
  return {
    name: $('#name').value,
    description: $('#description').value,
    mottoTone: $('#mottoTone').value,
    model: $('#model').value || undefined,
    force: $('#force').value === 'true',
  };
}

export function prefillForm(name, force) {
  $('#name').value = name;
  $('#force').value = force ? 'true' : 'false';
  $('#submit').textContent = force ? 'Create another' : 'Create persona';
}

/** 401/403: with sign-in, say so and offer it; without, this server wants an API key. */
export function needsAuthorization(action) {
  if (auth.config) {
    $('#form-error').textContent = action + ' needs you to sign in.';
    $('#sign-in').focus();
    return;
  }
  $('#api-key-field').hidden = false;
  $('#form-error').textContent = action + ' needs an API key: enter it in the form and try again.';
  $('#api-key').focus();
}

// Every create carries an Idempotency-Key; sending the same form again after an answer that settled nothing (a 5xx,
// a lost connection) keeps the key, so the server answers the first attempt instead of starting, and charging, a second.
let unsettled = null; // {body, key} of the last create whose outcome is unknown

function idempotencyKeyFor(body) {
  if (!unsettled || unsettled.body !== body) {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    unsettled = { body, key: Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') };
  }
  return unsettled.key;
}

function createPersona(payload) {
  const body = JSON.stringify(payload);
  return api('/api/personas', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKeyFor(body) },
    body,
  }).then((reply) => {
    if (reply.status < 500) unsettled = null;
    return reply;
  });
}

async function submitForm(event) {
  event.preventDefault();
  clearErrors();
  // The server validates (one set of rules) and names each bad field; its messages are shown beside the fields.
  const payload = formPayload();
  const keyInput = $('#api-key');
  if (keyInput.value) localStorage.setItem('personaApiKey', keyInput.value);
  $('#submit').disabled = true;
  try {
    const reply = await createPersona(payload);
    if (reply.status === 200 && reply.body) {
      openPersona(reply.body.slug);
    } else if (reply.status === 202 && reply.body) {
      followRequest(reply.body);
    } else if (reply.status === 401 || reply.status === 403) {
      if (auth.config && payload.model && !signedIn()) needsSignIn(payload.model);
      needsAuthorization('Creating with ' + modelName(payload.model || 'this model'));
    } else if (reply.status === 400 && reply.body && Array.isArray(reply.body.errors) && reply.body.errors.length) {
      showFieldErrors(reply.body.errors);
    } else if (reply.status === 429) {
      $('#form-error').textContent = problemText(reply, 'Too many personas at once.') + ' ' + retryText(reply);
    } else {
      $('#form-error').textContent = problemText(reply, 'The persona could not be created (HTTP ' + reply.status + ').');
    }
    if (signedIn() && reply.status === 202) loadMe();
  } catch (error) {
    $('#form-error').textContent = 'The server cannot be reached. Check your connection and try again.';
  } finally {
    $('#submit').disabled = false;
  }
}

/** Retry-After in words: seconds for a short wait, the local time for a quota that resets at midnight UTC. */
function retryText(reply) {
  const seconds = Number.parseInt(reply.headers.get('Retry-After'), 10);
  if (!(seconds > 0)) return 'Try again later.';
  if (seconds <= 120) return 'Try again in ' + seconds + ' s.';
  const at = new Date(Date.now() + seconds * 1000);
  return 'Try again after ' + at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) + '.';
}

// ---------- progress ----------

const STAGE_TEXT = { PENDING: 'working…', DONE: 'done', FAILED: 'failed' };

function renderStages(status) {
  for (const item of document.querySelectorAll('.stages li')) {
    const stage = status.stages ? status.stages[item.dataset.stage] : 'PENDING';
    item.dataset.state = (stage || 'PENDING').toLowerCase();
    item.querySelector('.stage-label').textContent = STAGE_TEXT[stage] || stage;
  }
}

function failureText(status) {
  const error = status.error || {};
  const where = { image: 'The image', storage: 'Storing the image', motto: 'The motto', timeout: 'The request' }[error.stage] || 'A step';
  return where + ' failed: ' + (error.message || 'no reason given') + '. Nothing was added to the persona.';
}

function followRequest(accepted) {
  if (state.stream) state.stream.close();
  state.followedSlug = accepted.slug;
  $('#progress').hidden = false;
  $('#progress-name').textContent = accepted.personaName;
  $('#progress-error').textContent = '';
  renderStages({ stages: { image: 'PENDING', storage: 'PENDING', motto: 'PENDING' } });
  const stream = new EventSource('/api/requests/' + encodeURIComponent(accepted.requestId) + '/events');
  state.stream = stream;
  const parse = (message) => { try { return JSON.parse(message.data); } catch { return null; } };
  stream.addEventListener('status', (message) => { const status = parse(message); if (status) renderStages(status); });
  stream.addEventListener('completed', (message) => {
    stream.close();
    const status = parse(message) || {};
    renderStages(status);
    if (signedIn()) loadMe();
    openPersona(status.slug || accepted.slug);
  });
  stream.addEventListener('failed', (message) => {
    stream.close();
    const status = parse(message) || {};
    renderStages(status);
    $('#progress-error').textContent = failureText(status);
  });
  stream.onerror = () => {
    // EventSource reconnects by itself; a closed stream after a final event is expected.
    if (stream.readyState === EventSource.CLOSED) $('#progress-error').textContent = 'Lost contact with the server.';
  };
}

// ---------- gallery ----------

export async function loadGallery(reset) {
  if (reset) state.galleryPage = 0;
  const q = $('#search').value.trim();
  const params = new URLSearchParams({ page: state.galleryPage, size: PAGE_SIZE });
  if (q) params.set('q', q);
  if (state.galleryMine) params.set('createdBy', 'me');
  const path = '/api/personas?' + params;
  const mine = state.galleryMine;
  const list = $('#gallery-items');
  // Busy until the list answers what is asked now (a slower answer for the other tab is dropped).
  list.setAttribute('aria-busy', 'true');
  const reply = await api(path).catch(() => null);
  if (mine !== state.galleryMine) return;
  list.setAttribute('aria-busy', 'false');
  if (!reply || reply.status !== 200) return;
  const cards = reply.body.items.map((item) => galleryCard(item, path));
  if (reset) list.replaceChildren(...cards); else list.append(...cards);
  const shown = list.children.length;
  $('#gallery-empty').hidden = shown > 0;
  $('#gallery-empty').textContent = q ? 'No persona matches “' + q + '”.'
    : mine ? 'You have not created any persona yet.' : 'No personas yet: compose the first one.';
  $('#load-more').hidden = !reply.body.next;
}

function galleryCard(item, pagePath) {
  const card = $('#gallery-card').content.firstElementChild.cloneNode(true);
  card.dataset.slug = item.slug;
  const link = card.querySelector('a');
  link.href = '/p/' + encodeURIComponent(item.slug);
  link.addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    openPersona(item.slug);
  });
  const img = card.querySelector('img');
  if (item.coverUrl) img.src = item.coverUrl; else img.remove();
  img.alt = 'Portrait of ' + item.name;
  // Cover URLs expire too: a cover that fails to load asks its page for a fresh URL, once.
  img.addEventListener('error', async () => {
    if (card.retried) return;
    card.retried = true;
    const reply = await api(pagePath).catch(() => null);
    const fresh = reply && reply.status === 200 ? reply.body.items.find((other) => other.slug === item.slug) : null;
    if (fresh && fresh.coverUrl) img.src = fresh.coverUrl;
  });
  card.querySelector('.card-name').textContent = item.name;
  card.querySelector('.card-motto').textContent = item.motto || '';
  card.querySelector('.card-meta').textContent = item.imageCount + (item.imageCount === 1 ? ' image' : ' images');
  return card;
}

function renderGalleryTabs() {
  $('#tab-all').setAttribute('aria-pressed', String(!state.galleryMine));
  $('#tab-mine').setAttribute('aria-pressed', String(state.galleryMine));
  $('#gallery-title').textContent = state.galleryMine ? 'My personas' : 'Personas';
}

function showGallery(mine) {
  if (state.galleryMine === mine) return;
  state.galleryMine = mine;
  renderGalleryTabs();
  // The other tab's cards must not show under this title while its list loads.
  $('#gallery-items').replaceChildren();
  $('#gallery-empty').hidden = true;
  $('#load-more').hidden = true;
  loadGallery(true);
}

function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

// ---------- routing ----------

function slugFromPath() {
  const match = location.pathname.match(/^\/p\/([^/]+)\/?$/);
  return match ? decodeURIComponent(match[1]) : null;
}

export function openPersona(slug) {
  const path = '/p/' + encodeURIComponent(slug);
  if (location.pathname !== path) history.pushState({}, '', path);
  route();
}

function route() {
  const slug = slugFromPath();
  // The finished stages stay on show beside the persona they made; elsewhere they would only confuse.
  if (slug !== state.followedSlug) $('#progress').hidden = true;
  if (slug) {
    showPersona(slug);
  } else {
    hidePersona();
    prefillForm('', false);
    document.title = 'Persona Composer';
  }
  loadGallery(true);
}

/** What depends on who is signed in: the paid models, "My personas", delete buttons and own votes. */
function accountChanged() {
  $('#gallery-tabs').hidden = !signedIn();
  if (!signedIn() && state.galleryMine) showGallery(false);
  renderModels();
  refreshImageCards();
}

document.addEventListener('DOMContentLoaded', () => {
  if (localStorage.getItem('personaApiKey')) $('#api-key-field').hidden = false;
  $('#create-form').addEventListener('submit', submitForm);
  $('#search').addEventListener('input', debounce(() => loadGallery(true), 250));
  $('#load-more').addEventListener('click', () => { state.galleryPage += 1; loadGallery(false); });
  $('#tab-all').addEventListener('click', () => showGallery(false));
  $('#tab-mine').addEventListener('click', () => showGallery(true));
  $('#sign-in').addEventListener('click', signIn);
  // Signed out, the persona shown is read again: without the caller, it has no own votes.
  $('#sign-out').addEventListener('click', () => { signOut(); route(); });
  $('#name').addEventListener('input', () => {
    // A different name is a different persona: "Create another" only applies to the one shown.
    if (currentSlug() && $('#force').value === 'true') prefillForm($('#name').value, false);
  });
  window.addEventListener('popstate', route);
  initPersonaView();
  onAccountChange(accountChanged);
  loadAuth().finally(() => loadModels().finally(route));
});
