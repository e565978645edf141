// Persona Composer web page: plain JavaScript on the public REST API only.
'use strict';

const $ = (selector) => document.querySelector(selector);
const FIELDS = ['name', 'description', 'mottoTone', 'model'];
const PAGE_SIZE = 12;
const IMAGE_PAGE_SIZE = 24;
const URL_MARGIN_MS = 5_000;
const SIGN_IN_KEY = 'personaSignIn';
const TOKEN_KEY = 'personaToken';

const state = {
  models: new Map(),      // id -> display name
  modelList: [],          // [{id, name, available}] as /api/models lists them
  personaSlug: null,      // slug of the persona page being shown
  persona: null,          // {name, slug, imageCount} of that page
  nextImages: null,       // relative URL of the persona's next image page, or null
  loadingImages: false,
  imageObserver: null,
  galleryPage: 0,
  galleryMine: false,     // "My personas" instead of everyone's
  stream: null,
  followedSlug: null,     // slug of the persona whose request the progress panel follows
};

// Sign-in (OpenID Connect, authorization code + PKCE in the browser). config null: the server has no sign-in.
const auth = {
  config: null,
  token: null,            // {accessToken, expiresAt}
  me: null,               // GET /api/me: {id, name, admin, quota}
  paidModels: new Set(),  // models a 401 showed need a principal, beyond what the configuration says
};

// ---------- API ----------

function apiKeyHeaders() {
  const key = localStorage.getItem('personaApiKey');
  return key ? { 'X-API-Key': key } : {};
}

function bearerToken() {
  if (auth.token && auth.token.expiresAt <= Date.now()) forgetToken('Your sign-in has expired: sign in again.');
  return auth.token ? auth.token.accessToken : null;
}

async function api(path, options = {}) {
  const token = bearerToken();
  const response = await fetch(path, {
    ...options,
    headers: {
      Accept: 'application/json, application/problem+json',
      ...(token ? { Authorization: 'Bearer ' + token } : apiKeyHeaders()),
      ...(options.headers || {}),
    },
  });
  let body = null;
  const text = await response.text();
  if (text) {
    try { body = JSON.parse(text); } catch { body = null; }
  }
  // A token the server no longer accepts is dropped; the reader is offered to sign in again.
  if (response.status === 401 && token) forgetToken('Your sign-in is no longer valid: sign in again.');
  return { status: response.status, body, headers: response.headers };
}

function sendJson(method, path, payload) {
  return api(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
}

function personaPath(slug) {
  return '/api/personas/' + encodeURIComponent(slug);
}

function imagePath(slug, imageId) {
  return personaPath(slug) + '/images/' + encodeURIComponent(imageId);
}

function problemText(reply, fallback) {
  const problem = reply.body || {};
  return problem.detail || problem.title || fallback;
}

// ---------- sign-in ----------

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return location.origin + '/';
}

async function providerEndpoints() {
  const config = auth.config;
  if (config.authorizationEndpoint && config.tokenEndpoint) return config;
  const response = await fetch(config.issuer.replace(/\/$/, '') + '/.well-known/openid-configuration');
  if (!response.ok) throw new Error('discovery answered HTTP ' + response.status);
  const discovery = await response.json();
  return { authorizationEndpoint: discovery.authorization_endpoint, tokenEndpoint: discovery.token_endpoint };
}

async function signIn() {
  try {
    const endpoints = await providerEndpoints();
    const verifier = randomText();
    const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const signInState = randomText();
    sessionStorage.setItem(SIGN_IN_KEY, JSON.stringify({
      state: signInState, verifier, returnTo: location.pathname + location.search,
    }));
    const params = new URLSearchParams({
      response_type: 'code',
      client_id: auth.config.clientId,
      redirect_uri: redirectUri(),
      scope: auth.config.scopes || 'openid',
      state: signInState,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    location.assign(endpoints.authorizationEndpoint + '?' + params);
  } catch (error) {
    showAuthMessage('Sign-in is not available right now: ' + error.message);
  }
}

/** The provider sent the reader back to / with ?code=&state= (or ?error=): trade the code for a token. */
async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('state') || !(params.has('code') || params.has('error'))) return;
  const pending = JSON.parse(sessionStorage.getItem(SIGN_IN_KEY) || 'null');
  sessionStorage.removeItem(SIGN_IN_KEY);
  history.replaceState({}, '', pending && pending.returnTo ? pending.returnTo : '/');
  if (!pending || pending.state !== params.get('state')) {
    showAuthMessage('Sign-in was not completed: the answer did not match this page. Try again.');
    return;
  }
  if (params.has('error')) {
    showAuthMessage('Sign-in was not completed (' + (params.get('error_description') || params.get('error')) + ').');
    return;
  }
  try {
    const endpoints = await providerEndpoints();
    const response = await fetch(endpoints.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: params.get('code'),
        redirect_uri: redirectUri(),
        client_id: auth.config.clientId,
        code_verifier: pending.verifier,
      }),
    });
    const tokens = await response.json();
    if (!response.ok || !tokens.access_token) throw new Error(tokens.error_description || tokens.error || 'HTTP ' + response.status);
    const lifetime = Number(tokens.expires_in) > 0 ? Number(tokens.expires_in) * 1000 : 300_000;
    auth.token = { accessToken: tokens.access_token, expiresAt: Date.now() + lifetime };
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify(auth.token));
  } catch (error) {
    showAuthMessage('Sign-in failed: ' + error.message);
  }
}

function forgetToken(message) {
  auth.token = null;
  auth.me = null;
  sessionStorage.removeItem(TOKEN_KEY);
  if (message) showAuthMessage(message);
  renderAccount();
}

function signOut() {
  forgetToken(null);
  showAuthMessage('');
  state.galleryMine = false;
  route();
}

async function loadAuth() {
  const reply = await api('/api/auth/config').catch(() => null);
  if (!reply || reply.status !== 200 || !reply.body || !reply.body.enabled) return;
  auth.config = reply.body;
  const stored = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
  if (stored && stored.expiresAt > Date.now()) auth.token = stored; else sessionStorage.removeItem(TOKEN_KEY);
  await completeSignIn();
  await loadMe();
}

async function loadMe() {
  auth.me = null;
  if (auth.token) {
    const reply = await api('/api/me').catch(() => null);
    if (reply && reply.status === 200 && reply.body) auth.me = reply.body;
  }
  renderAccount();
}

function quotaText(quota) {
  if (!quota || typeof quota.limit !== 'number') return '';
  const left = Math.max(0, quota.limit - (quota.used || 0));
  return left + ' of ' + quota.limit + ' paid images left today';
}

function showAuthMessage(text) {
  $('#account-message').textContent = text;
}

function renderAccount() {
  const enabled = Boolean(auth.config);
  const signedIn = enabled && Boolean(auth.token);
  $('#account').hidden = !enabled;
  $('#sign-in').hidden = signedIn;
  $('#sign-out').hidden = !signedIn;
  $('#account-name').hidden = !signedIn;
  $('#account-name').textContent = signedIn && auth.me ? auth.me.name || auth.me.id : '';
  $('#account-quota').textContent = signedIn && auth.me ? quotaText(auth.me.quota) : '';
  $('#gallery-tabs').hidden = !signedIn;
  if (!signedIn && state.galleryMine) { state.galleryMine = false; loadGallery(true); }
  renderGalleryTabs();
  renderModels();
  // Delete buttons and own votes depend on who is signed in.
  for (const card of document.querySelectorAll('#persona-images .image-card')) {
    if (card.image) updateImageCard(card, card.image);
  }
}

function signedIn() {
  return Boolean(auth.config && auth.token);
}

// ---------- models ----------

async function loadModels() {
  const reply = await api('/api/models').catch(() => ({ status: 0 }));
  state.modelList = reply.status === 200 && reply.body && Array.isArray(reply.body.models)
    ? reply.body.models : [{ id: 'local', name: 'Local renderer', available: true }];
  const fallback = reply.body && reply.body.default;
  for (const model of state.modelList) state.models.set(model.id, model.name || model.id);
  renderModels(fallback);
}

/** Models an anonymous caller may use: the server's list when it says, else its documented default. */
function anonymousModel(id) {
  if (auth.paidModels.has(id)) return false;
  const listed = auth.config && Array.isArray(auth.config.anonymousModels) ? auth.config.anonymousModels : null;
  const flagged = state.modelList.find((model) => model.id === id);
  if (listed) return listed.includes(id);
  if (flagged && typeof flagged.anonymous === 'boolean') return flagged.anonymous;
  return id === 'local';
}

function renderModels(preferred) {
  const select = $('#model');
  const selected = preferred || select.value;
  const locked = Boolean(auth.config) && !signedIn();
  const paid = [];
  select.replaceChildren();
  for (const model of state.modelList) {
    if (!model.available) continue;
    const name = model.name || model.id;
    const needsSignIn = locked && !anonymousModel(model.id);
    const option = new Option(needsSignIn ? name + ' (sign in)' : name, model.id);
    option.disabled = needsSignIn;
    if (needsSignIn) paid.push(name);
    select.add(option);
  }
  const wanted = [...select.options].find((option) => option.value === selected && !option.disabled);
  const first = [...select.options].find((option) => !option.disabled);
  if (wanted || first) (wanted || first).selected = true;
  $('#model-help').hidden = paid.length === 0;
  $('#model-help').textContent = paid.length ? 'Sign in to create with ' + paid.join(' or ') + '.' : '';
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

/** 401/403: with sign-in, say so and offer it; without, this server wants an API key. */
function needsAuthorization(action) {
  if (auth.config) {
    $('#form-error').textContent = action + ' needs you to sign in.';
    $('#sign-in').focus();
    return;
  }
  $('#api-key-field').hidden = false;
  $('#form-error').textContent = action + ' needs an API key: enter it in the form and try again.';
  $('#api-key').focus();
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
    const reply = await sendJson('POST', '/api/personas', payload);
    if (reply.status === 200 && reply.body) {
      openPersona(reply.body.slug);
    } else if (reply.status === 202 && reply.body) {
      followRequest(reply.body);
    } else if (reply.status === 401 || reply.status === 403) {
      if (auth.config && payload.model && !signedIn()) {
        auth.paidModels.add(payload.model);
        renderModels();
      }
      needsAuthorization('Creating with ' + modelName(payload.model || 'this model'));
    } else if (reply.status === 400 && reply.body && Array.isArray(reply.body.errors) && reply.body.errors.length) {
      showFieldErrors(reply.body.errors);
    } else if (reply.status === 429) {
      const wait = reply.headers.get('Retry-After');
      $('#form-error').textContent = problemText(reply, 'Too many personas at once.')
        + ' Try again' + (wait ? ' in ' + wait + ' s.' : ' later.');
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

/** Images per page: 24, or what the page's own ?limit= asks for (1-100), so a link can choose. */
function imagePageSize() {
  const asked = Number.parseInt(new URLSearchParams(location.search).get('limit'), 10);
  return asked >= 1 && asked <= 100 ? asked : IMAGE_PAGE_SIZE;
}

function openPersona(slug) {
  const path = '/p/' + encodeURIComponent(slug);
  if (location.pathname !== path) history.pushState({}, '', path);
  route();
}

async function showPersona(slug) {
  state.personaSlug = slug;
  state.persona = null;
  state.nextImages = null;
  $('#persona-view').hidden = false;
  const firstPage = personaPath(slug) + '?limit=' + imagePageSize();
  const reply = await api(firstPage);
  if (state.personaSlug !== slug) return;
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
    return;
  }
  const persona = reply.body;
  state.persona = { name: persona.name, slug: persona.slug, imageCount: persona.imageCount };
  $('#persona-missing').hidden = true;
  $('#persona-title').textContent = persona.name;
  document.title = persona.name + ' · Persona Composer';
  appendImages(persona.images || [], firstPage, (body) => body.images);
  state.nextImages = persona.nextImages || null;
  renderPersonaCount();
  renderMoreImages();
  prefillForm(persona.name, true);
}

function renderPersonaCount() {
  const count = state.persona && typeof state.persona.imageCount === 'number'
    ? state.persona.imageCount : $('#persona-images').children.length;
  $('#persona-count').textContent = count + (count === 1 ? ' image' : ' images');
}

/**
 * Adds a page of image cards. {@code pageUrl} fetches that page again and {@code itemsOf} finds its images in the
 * answer: presigned URLs live 60 s, so a card whose URL expired asks its page for fresh ones.
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
  const name = state.persona ? state.persona.name : '';
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
  const mine = auth.me && (auth.me.admin || (image.createdBy && image.createdBy === auth.me.id));
  card.querySelector('.delete').hidden = !(signedIn() && mine);
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
  const path = imagePath(state.persona.slug, image.id) + '/votes';
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
  if (!confirm('Delete this image of ' + state.persona.name + '? This cannot be undone.')) return;
  const reply = await api(imagePath(state.persona.slug, card.image.id), { method: 'DELETE' });
  if (reply.status === 204 || reply.status === 200 || reply.status === 404) {
    card.remove();
    if (typeof state.persona.imageCount === 'number') state.persona.imageCount -= 1;
    renderPersonaCount();
    if (!$('#persona-images').children.length && !state.nextImages) openPersona(state.persona.slug);
    loadGallery(true);
  } else if (reply.status === 401) {
    needsAuthorization('Deleting an image');
  } else {
    $('#form-error').textContent = reply.status === 403
      ? 'Only the image’s creator can delete it.'
      : problemText(reply, 'The image could not be deleted (HTTP ' + reply.status + ').');
  }
}

// ---------- the original, on demand ----------

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

// ---------- more images as the reader scrolls ----------

function renderMoreImages() {
  $('#more-images').hidden = !state.nextImages;
}

async function loadMoreImages() {
  const next = state.nextImages;
  const slug = state.personaSlug;
  if (!next || state.loadingImages || !next.startsWith('/api/')) return;
  state.loadingImages = true;
  $('#more-images').disabled = true;
  try {
    const reply = await api(next);
    if (state.personaSlug !== slug || state.nextImages !== next) return;
    if (reply.status === 200 && reply.body) {
      appendImages(reply.body.items || [], next, (body) => body.items);
      state.nextImages = reply.body.next || null;
      renderPersonaCount();
    }
  } finally {
    state.loadingImages = false;
    $('#more-images').disabled = false;
    renderMoreImages();
  }
  // The sentinel may still be on screen (a tall window, small pages): keep going until it is not.
  if (state.nextImages && sentinelVisible()) loadMoreImages();
}

function sentinelVisible() {
  const box = $('#more-images').getBoundingClientRect();
  return box.height > 0 && box.top < window.innerHeight + 600;
}

function watchImageSentinel() {
  if (!('IntersectionObserver' in window)) return;
  state.imageObserver = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) loadMoreImages();
  }, { rootMargin: '600px 0px' });
  state.imageObserver.observe($('#more-images'));
}

// ---------- gallery ----------

async function loadGallery(reset) {
  if (reset) state.galleryPage = 0;
  const q = $('#search').value.trim();
  const params = new URLSearchParams({ page: state.galleryPage, size: PAGE_SIZE });
  if (q) params.set('q', q);
  if (state.galleryMine) params.set('createdBy', 'me');
  const path = '/api/personas?' + params;
  const mine = state.galleryMine;
  const reply = await api(path).catch(() => null);
  if (!reply || reply.status !== 200 || mine !== state.galleryMine) return;
  const list = $('#gallery-items');
  const cards = reply.body.items.map((item) => galleryCard(item, path));
  if (reset) list.replaceChildren(...cards); else list.append(...cards);
  const shown = list.children.length;
  $('#gallery-empty').hidden = shown > 0;
  $('#gallery-empty').textContent = q ? 'No persona matches “' + q + '”.'
    : mine ? 'You have not created any persona yet.' : 'No personas yet: compose the first one.';
  $('#load-more').hidden = shown >= reply.body.total;
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
  loadGallery(true);
}

function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

// ---------- routing ----------

function route() {
  const slug = slugFromPath();
  // The finished stages stay on show beside the persona they made; elsewhere they would only confuse.
  if (slug !== state.followedSlug) $('#progress').hidden = true;
  if (slug) {
    showPersona(slug);
  } else {
    state.personaSlug = null;
    state.persona = null;
    state.nextImages = null;
    $('#persona-view').hidden = true;
    renderMoreImages();
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
  $('#more-images').addEventListener('click', loadMoreImages);
  $('#tab-all').addEventListener('click', () => showGallery(false));
  $('#tab-mine').addEventListener('click', () => showGallery(true));
  $('#sign-in').addEventListener('click', signIn);
  $('#sign-out').addEventListener('click', signOut);
  $('#original-close').addEventListener('click', closeOriginal);
  // A click on the backdrop closes it too; closing (also by Escape) lets go of the full-size image.
  $('#original').addEventListener('click', (event) => { if (event.target === event.currentTarget) closeOriginal(); });
  $('#original').addEventListener('close', () => $('#original img').removeAttribute('src'));
  $('#name').addEventListener('input', () => {
    // A different name is a different persona: "Create another" only applies to the one shown.
    if (state.personaSlug && $('#force').value === 'true') prefillForm($('#name').value, false);
  });
  window.addEventListener('popstate', route);
  watchImageSentinel();
  loadAuth().finally(() => loadModels().finally(route));
});
