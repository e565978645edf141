// The composer: the form, its character counters and field errors, and sending a create (with an Idempotency-Key
// kept across retries of the same input). What follows a create is its caller's (initComposer's handlers).
import { signInAgain } from './account.js';
import { api, auth, problemText, signedIn } from './rest-api.js';
import { modelName, needsSignIn } from './models.js';
import { $, announce } from './ui.js';

const FIELDS = ['name', 'description', 'mottoTone', 'model'];
const COUNTED = ['name', 'description'];
const DRAFT_KEY = 'personaDraft';

let handlers = { personaExists: () => {}, accepted: () => {} };

// ---------- counters ----------

/** Characters as the server counts them (code points, not UTF-16 units). */
function length(text) {
  return [...text].length;
}

/**
 * "12 of 80 characters" beside a field with a limit; past it, how many are too many (in the danger colour). The
 * counter is read with the field (aria-describedby), not announced at every keystroke; crossing the limit is.
 */
function renderCounter(field) {
  const input = $('#' + field);
  const limit = Number(input.dataset.limit);
  const used = length(input.value);
  const counter = $('#' + field + '-count');
  const over = used - limit;
  counter.textContent = over > 0 ? over + (over === 1 ? ' character' : ' characters') + ' too many (' + used + ' of ' + limit + ')'
    : used + ' of ' + limit + ' characters';
  counter.classList.toggle('over', over > 0);
  if ((over > 0) !== (input.dataset.over === 'true')) {
    input.dataset.over = String(over > 0);
    announce(over > 0 ? fieldLabel(field) + ' is over its limit of ' + limit + ' characters.'
      : fieldLabel(field) + ' is within its limit again.');
  }
}

function fieldLabel(field) {
  return field === 'name' ? 'The name' : 'The description';
}

// ---------- errors ----------

export function clearErrors() {
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

export function showFormError(text) {
  $('#form-error').textContent = text;
}

/** 401/403 for the form: with sign-in, say so and offer it; without, this server wants an API key. */
function needsAuthorization(action) {
  if (auth.config) {
    showFormError(action + ' needs you to sign in.');
    $('#sign-in').focus();
    return;
  }
  $('#api-key-field').hidden = false;
  showFormError(action + ' needs an API key: enter it in the form and try again.');
  $('#api-key').focus();
}

// ---------- the form ----------

function formPayload() {
  return {
    name: $('#name').value,
    description: $('#description').value,
    mottoTone: $('#mottoTone').value,
    model: $('#model').value || undefined,
    force: $('#force').value === 'true',
  };
}

/** The form for the persona shown (force: "Create another") or for a new one. */
export function prefillForm(name, force) {
  $('#name').value = name;
  $('#force').value = force ? 'true' : 'false';
  $('#submit').textContent = force ? 'Create another' : 'Create persona';
  renderCounter('name');
}

// Every create carries an Idempotency-Key; sending the same form again after an answer that settled nothing (a 5xx,
// a lost connection, a sign-in that had to be renewed) keeps the key, so the server answers the first attempt
// instead of starting, and charging, a second.
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
    if (reply.status < 500 && reply.status !== 401) unsettled = null;
    return reply;
  });
}

/**
 * What was typed, kept across a sign-in that leaves the page (and its Idempotency-Key, so the create sent again is
 * the same create); restoreDraft puts it back.
 */
function saveDraft() {
  sessionStorage.setItem(DRAFT_KEY, JSON.stringify({ ...formPayload(), unsettled }));
}

export function restoreDraft() {
  const draft = JSON.parse(sessionStorage.getItem(DRAFT_KEY) || 'null');
  sessionStorage.removeItem(DRAFT_KEY);
  if (!draft) return false;
  $('#name').value = draft.name || '';
  $('#description').value = draft.description || '';
  $('#mottoTone').value = draft.mottoTone || 'neutral';
  if (draft.model) $('#model').value = draft.model;
  $('#force').value = draft.force ? 'true' : 'false';
  $('#submit').textContent = draft.force ? 'Create another' : 'Create persona';
  unsettled = draft.unsettled || null;
  COUNTED.forEach(renderCounter);
  return true;
}

/**
 * Keeps what was typed and signs in again (the session lapsed): the page comes back with the form as it was and
 * sends it (resume: {kind: 'create'}).
 */
export function keepDraftAndSignInAgain(resume) {
  saveDraft();
  return signInAgain(resume);
}

export async function submitForm(event) {
  if (event) event.preventDefault();
  clearErrors();
  // The server validates (one set of rules) and names each bad field; its messages are shown beside the fields.
  const payload = formPayload();
  const keyInput = $('#api-key');
  if (keyInput.value) localStorage.setItem('personaApiKey', keyInput.value);
  $('#submit').disabled = true;
  try {
    const reply = await createPersona(payload);
    if (reply.status === 200 && reply.body) {
      handlers.personaExists(reply.body.slug);
    } else if (reply.status === 202 && reply.body) {
      handlers.accepted(reply.body);
      if (signedIn()) handlers.quotaChanged();
    } else if (reply.status === 401 && auth.lapsed) {
      await keepDraftAndSignInAgain({ kind: 'create' });
    } else if (reply.status === 401 || reply.status === 403) {
      if (auth.config && payload.model && !signedIn()) needsSignIn(payload.model);
      needsAuthorization('Creating with ' + modelName(payload.model || 'this model'));
    } else if (reply.status === 400 && reply.body && Array.isArray(reply.body.errors) && reply.body.errors.length) {
      showFieldErrors(reply.body.errors);
    } else if (reply.status === 429) {
      showFormError(problemText(reply, 'Too many personas at once.') + ' ' + retryText(reply));
    } else {
      showFormError(problemText(reply, 'The persona could not be created (HTTP ' + reply.status + ').'));
    }
  } catch (error) {
    showFormError('The server cannot be reached. Check your connection and try again.');
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

/**
 * Wires the form. on.personaExists(slug): the name is taken (nothing was made); on.accepted(accepted): a request
 * started; on.quotaChanged(): a paid create may have used the caller's quota; on.nameEdited(): the name was changed.
 */
export function initComposer(on) {
  handlers = on;
  if (localStorage.getItem('personaApiKey')) $('#api-key-field').hidden = false;
  $('#create-form').addEventListener('submit', submitForm);
  for (const field of COUNTED) {
    $('#' + field).addEventListener('input', () => renderCounter(field));
    renderCounter(field);
  }
  $('#name').addEventListener('input', () => on.nameEdited());
}
