// Persona Composer web page: plain JavaScript on the public REST API only.
'use strict';

const $ = (selector) => document.querySelector(selector);
const FIELDS = ['name', 'description', 'mottoTone', 'model'];
const REFRESH_MARGIN_MS = 10_000;
const PAGE_SIZE = 12;

const state = {
  models: new Map(),      // id -> display name
  personaSlug: null,      // slug of the persona page being shown
  refreshTimer: null,
  galleryTimer: null,
  galleryPage: 0,
  stream: null,
  followedSlug: null,     // slug of the persona whose request the progress panel follows
};

// ---------- API ----------

function apiKeyHeaders() {
  const key = localStorage.getItem('personaApiKey');
  return key ? { 'X-API-Key': key } : {};
}

async function api(path, options = {}) {
  const response = await fetch(path, {
    ...options,
    headers: { Accept: 'application/json, application/problem+json', ...(options.headers || {}) },
  });
  let body = null;
  const text = await response.text();
  if (text) {
    try { body = JSON.parse(text); } catch { body = null; }
  }
  return { status: response.status, body, headers: response.headers };
}

function postJson(path, payload) {
  return api(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...apiKeyHeaders() },
    body: JSON.stringify(payload),
  });
}

function personaPath(slug) {
  return '/api/personas/' + encodeURIComponent(slug);
}

function problemText(reply, fallback) {
  const problem = reply.body || {};
  return problem.detail || problem.title || fallback;
}

// ---------- models ----------

async function loadModels() {
  const select = $('#model');
  const reply = await api('/api/models').catch(() => ({ status: 0 }));
  const models = reply.status === 200 && reply.body && Array.isArray(reply.body.models)
    ? reply.body.models : [{ id: 'local', name: 'Local renderer', available: true }];
  const fallback = reply.body && reply.body.default;
  select.replaceChildren();
  for (const model of models) {
    state.models.set(model.id, model.name || model.id);
    if (!model.available) continue;
    const option = new Option(model.name || model.id, model.id);
    option.selected = model.id === fallback;
    select.add(option);
  }
}

function modelName(id) {
  return state.models.get(id) || id;
}

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

function prefillForm(name, force) {
  $('#name').value = name;
  $('#force').value = force ? 'true' : 'false';
  $('#submit').textContent = force ? 'Create another' : 'Create persona';
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
    const reply = await postJson('/api/personas', payload);
    if (reply.status === 200 && reply.body) {
      openPersona(reply.body.slug);
    } else if (reply.status === 202 && reply.body) {
      followRequest(reply.body);
    } else if (reply.status === 401 || reply.status === 403) {
      $('#api-key-field').hidden = false;
      $('#form-error').textContent = 'This server needs an API key: enter it above and try again.';
      keyInput.focus();
    } else if (reply.status === 400 && reply.body && Array.isArray(reply.body.errors) && reply.body.errors.length) {
      showFieldErrors(reply.body.errors);
    } else if (reply.status === 429) {
      const wait = reply.headers.get('Retry-After');
      $('#form-error').textContent = 'Too many personas at once: try again' + (wait ? ' in ' + wait + ' s.' : ' shortly.');
    } else {
      $('#form-error').textContent = problemText(reply, 'The persona could not be created (HTTP ' + reply.status + ').');
    }
  } catch (error) {
    $('#form-error').textContent = 'The server cannot be reached. Check your connection and try again.';
  } finally {
    $('#submit').disabled = false;
  }
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

// ---------- persona page ----------

function slugFromPath() {
  const match = location.pathname.match(/^\/p\/([^/]+)\/?$/);
  return match ? decodeURIComponent(match[1]) : null;
}

function nameFromSlug(slug) {
  // The original app's page showed the name from the URL; drop our uniqueness tag if there is one.
  return slug.replace(/-[0-9a-f]{8}$/, '').split('-').filter(Boolean)
    .map((word) => word.charAt(0).toLocaleUpperCase() + word.slice(1)).join(' ');
}

function openPersona(slug) {
  const path = '/p/' + encodeURIComponent(slug);
  if (location.pathname !== path) history.pushState({}, '', path);
  route();
}

async function showPersona(slug) {
  state.personaSlug = slug;
  $('#persona-view').hidden = false;
  const reply = await api(personaPath(slug));
  if (state.personaSlug !== slug) return;
  if (reply.status === 404) {
    const name = nameFromSlug(slug);
    $('#persona-title').textContent = name;
    $('#persona-missing').hidden = false;
    $('#persona-missing').textContent = name + ' does not exist yet!';
    $('#persona-images').replaceChildren();
    prefillForm(name, false);
    document.title = name + ' · Persona Composer';
    return;
  }
  if (reply.status !== 200 || !reply.body) {
    $('#persona-missing').hidden = false;
    $('#persona-missing').textContent = problemText(reply, 'This persona cannot be shown right now.');
    return;
  }
  renderPersona(reply.body);
  prefillForm(reply.body.name, true);
}

function renderPersona(persona) {
  $('#persona-missing').hidden = true;
  $('#persona-title').textContent = persona.name;
  document.title = persona.name + ' · Persona Composer';
  const grid = $('#persona-images');
  const cards = new Map([...grid.children].map((card) => [card.dataset.imageId, card]));
  const ordered = persona.images.map((image) => {
    const card = cards.get(image.id) || imageCard(persona, image);
    updateImageCard(card, persona, image);
    return card;
  });
  grid.replaceChildren(...ordered);
  scheduleRefresh(persona.images.map((image) => Date.parse(image.urlExpiresAt)));
}

function imageCard(persona, image) {
  const card = $('#image-card').content.firstElementChild.cloneNode(true);
  card.dataset.imageId = image.id;
  card.querySelector('.vote.up').addEventListener('click', () => vote(persona.slug, image.id, 'up', card));
  card.querySelector('.vote.down').addEventListener('click', () => vote(persona.slug, image.id, 'down', card));
  return card;
}

function updateImageCard(card, persona, image) {
  const img = card.querySelector('img');
  if (img.getAttribute('src') !== image.url) img.src = image.url;
  img.alt = 'Portrait of ' + persona.name + (image.description ? ': ' + image.description : '');
  card.querySelector('.motto').textContent = image.motto;
  card.querySelector('.description').textContent = image.description || '';
  card.querySelector('.meta').textContent = 'Created with ' + modelName(image.model);
  showVotes(card, image);
}

function showVotes(card, counts) {
  card.querySelector('.vote.up .count').textContent = counts.upvotes;
  card.querySelector('.vote.down .count').textContent = counts.downvotes;
  card.querySelector('.vote.up').setAttribute('aria-label', 'Vote up (' + counts.upvotes + ' up votes)');
  card.querySelector('.vote.down').setAttribute('aria-label', 'Vote down (' + counts.downvotes + ' down votes)');
}

async function vote(slug, imageId, direction, card) {
  const reply = await postJson(personaPath(slug) + '/images/' + encodeURIComponent(imageId) + '/votes', { direction });
  if (reply.status === 200 && reply.body) {
    showVotes(card, reply.body);
  } else if (reply.status === 401 || reply.status === 403) {
    $('#api-key-field').hidden = false;
    $('#form-error').textContent = 'Voting needs an API key: enter it in the form.';
  }
}

// Presigned URLs live 60 s: fetch fresh ones before the oldest expires, so an open page never shows broken images.
function scheduleRefresh(expiries) {
  clearTimeout(state.refreshTimer);
  const valid = expiries.filter((time) => !Number.isNaN(time));
  if (!valid.length || !state.personaSlug) return;
  const delay = Math.max(1_000, Math.min(...valid) - Date.now() - REFRESH_MARGIN_MS);
  const slug = state.personaSlug;
  state.refreshTimer = setTimeout(async () => {
    if (state.personaSlug !== slug) return;
    const reply = await api(personaPath(slug)).catch(() => null);
    if (reply && reply.status === 200 && state.personaSlug === slug) renderPersona(reply.body);
    else scheduleRefresh([Date.now() + REFRESH_MARGIN_MS + 5_000]);
  }, delay);
}

// ---------- gallery ----------

async function loadGallery(reset) {
  if (reset) state.galleryPage = 0;
  const q = $('#search').value.trim();
  const params = new URLSearchParams({ page: state.galleryPage, size: PAGE_SIZE });
  if (q) params.set('q', q);
  const reply = await api('/api/personas?' + params).catch(() => null);
  if (!reply || reply.status !== 200) return;
  const list = $('#gallery-items');
  const cards = reply.body.items.map(galleryCard);
  if (reset) list.replaceChildren(...cards); else list.append(...cards);
  const shown = list.children.length;
  $('#gallery-empty').hidden = shown > 0;
  $('#gallery-empty').textContent = q ? 'No persona matches “' + q + '”.' : 'No personas yet: compose the first one.';
  $('#load-more').hidden = shown >= reply.body.total;
  // Cover URLs expire too: reload the first page before they do.
  clearTimeout(state.galleryTimer);
  state.galleryTimer = setTimeout(() => loadGallery(true), 45_000);
}

function galleryCard(item) {
  const card = $('#gallery-card').content.firstElementChild.cloneNode(true);
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
  card.querySelector('.card-name').textContent = item.name;
  card.querySelector('.card-motto').textContent = item.motto || '';
  card.querySelector('.card-meta').textContent = item.imageCount + (item.imageCount === 1 ? ' image' : ' images');
  return card;
}

function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

// ---------- routing ----------

function route() {
  const slug = slugFromPath();
  clearTimeout(state.refreshTimer);
  // The finished stages stay on show beside the persona they made; elsewhere they would only confuse.
  if (slug !== state.followedSlug) $('#progress').hidden = true;
  if (slug) {
    showPersona(slug);
  } else {
    state.personaSlug = null;
    $('#persona-view').hidden = true;
    prefillForm('', false);
    document.title = 'Persona Composer';
  }
  loadGallery(true);
}

document.addEventListener('DOMContentLoaded', () => {
  if (localStorage.getItem('personaApiKey')) $('#api-key-field').hidden = false;
  $('#create-form').addEventListener('submit', submitForm);
  $('#search').addEventListener('input', debounce(() => loadGallery(true), 250));
  $('#load-more').addEventListener('click', () => { state.galleryPage += 1; loadGallery(false); });
  $('#name').addEventListener('input', () => {
    // A different name is a different persona: "Create another" only applies to the one shown.
    if (state.personaSlug && $('#force').value === 'true') prefillForm($('#name').value, false);
  });
  window.addEventListener('popstate', route);
  loadModels().finally(route);
});
