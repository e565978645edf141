// The reader's requests: every one in flight listed with its stages and how long it has run, each followed by its
// own event stream. The list is kept in the tab's session storage, so a reload (or a second submit) loses none: the
// streams are opened again and say where each request stands. A finished request announces itself once, to screen
// readers and, while the tab is in the background, in the tab's title. Each one in flight can be canceled.
import { api, auth, problemText } from './rest-api.js';
import { $, announce, showProblem } from './ui.js';

const STORAGE_KEY = 'personaRequests';
const FINAL = ['COMPLETED', 'FAILED', 'CANCELED'];
const STAGE_TEXT = { PENDING: 'working…', DONE: 'done', FAILED: 'failed', CANCELED: 'canceled', SKIPPED: 'not run' };
/** After this many failed attempts to follow a request, its item says so and offers to try again. */
const MAX_RECONNECTS = 5;

// requestId -> {requestId, personaName, slug, startedAt, status, stages, error, announced, elapsedMs, tooLate}
const requests = new Map();
// requestId -> {element, stream, retries, timer, canceling}
const live = new Map();
let ticker = null;
let handlers = { finished: () => {} };
let titleBeforeNotice = null;
let notice = null;

function save() {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...requests.values()]));
}

function finished(request) {
  return FINAL.includes(request.status);
}

// ---------- what the list shows ----------

function elapsedText(ms) {
  const seconds = Math.max(0, Math.round(ms / 1000));
  return seconds < 60 ? seconds + ' s' : Math.floor(seconds / 60) + ' min ' + (seconds % 60) + ' s';
}

function outcomeText(request, canceling) {
  if (request.status === 'COMPLETED') {
    return (request.tooLate ? 'Too late to cancel: ' : 'Done: ') + request.personaName + ' has a new image.';
  }
  if (request.status === 'CANCELED') return 'Canceled: nothing was added to ' + request.personaName + '.';
  if (request.status === 'FAILED') {
    const error = request.error || {};
    const where = { image: 'The image', storage: 'Storing the image', motto: 'The motto', timeout: 'The request' }[error.stage] || 'A step';
    return where + ' failed: ' + (error.message || 'no reason given') + '. Nothing was added to the persona.';
  }
  return canceling ? 'Canceling…' : '';
}

function render(request) {
  const followed = live.get(request.requestId);
  const item = followed.element;
  item.dataset.status = request.status.toLowerCase();
  item.querySelector('.request-name').textContent = request.personaName;
  for (const stage of item.querySelectorAll('.stages li')) {
    let state = (request.stages && request.stages[stage.dataset.stage]) || 'PENDING';
    // A finished request works no more: a stage it never reached was canceled with it, or not run after a failure.
    if (state === 'PENDING' && finished(request)) state = request.status === 'CANCELED' ? 'CANCELED' : 'SKIPPED';
    stage.dataset.state = state.toLowerCase();
    stage.querySelector('.stage-label').textContent = STAGE_TEXT[state] || state.toLowerCase();
  }
  renderElapsed(request);
  item.querySelector('.request-outcome').textContent = outcomeText(request, followed.canceling);
  const open = item.querySelector('.request-open');
  open.hidden = request.status !== 'COMPLETED';
  open.href = '/p/' + encodeURIComponent(request.slug);
  open.textContent = 'Open ' + request.personaName;
  const cancel = item.querySelector('.request-cancel');
  const dismiss = item.querySelector('.request-dismiss');
  item.querySelector('.request-cancel-name').textContent = request.personaName;
  cancel.setAttribute('aria-disabled', String(followed.canceling));
  dismiss.hidden = !finished(request);
  if (finished(request)) {
    // The reader who pressed Cancel (or Try again) stays in this item: on its Dismiss button.
    const focused = [item.querySelector('.request-problem'), cancel].some((part) => part.contains(document.activeElement));
    cancel.hidden = true;
    showProblem(item.querySelector('.request-problem-text'), item.querySelector('.request-retry'), null);
    if (focused) dismiss.focus();
  } else {
    cancel.hidden = false;
  }
}

function renderElapsed(request) {
  const ms = finished(request) ? request.elapsedMs : Date.now() - request.startedAt;
  live.get(request.requestId).element.querySelector('.request-elapsed').textContent =
    (finished(request) ? 'took ' : '') + elapsedText(ms || 0);
}

function renderList() {
  $('#requests').hidden = requests.size === 0;
}

/** One second's tick of the elapsed times while anything is in flight; the list itself is not a live region. */
function tick() {
  const pending = [...requests.values()].filter((request) => !finished(request));
  pending.forEach(renderElapsed);
  if (!pending.length) {
    clearInterval(ticker);
    ticker = null;
  }
}

function startTicking() {
  if (!ticker) ticker = setInterval(tick, 1000);
}

// ---------- following a request ----------

/** Applies a status answer (GET /api/requests/{id} or an event) and says a finish once. */
function update(request, status) {
  if (!status || finished(request)) return;
  request.stages = status.stages || request.stages;
  request.status = status.status || request.status;
  request.error = status.error || null;
  request.slug = status.slug || request.slug;
  if (finished(request)) {
    request.elapsedMs = Date.now() - request.startedAt;
    stopFollowing(request.requestId);
  }
  render(request);
  if (finished(request) && !request.announced) {
    request.announced = true;
    const text = request.status === 'COMPLETED' ? request.personaName + ' is ready.' : outcomeText(request);
    announce(text);
    noticeInTitle(request.status === 'COMPLETED' ? '✓ ' + request.personaName + ' is ready'
      : '✗ ' + request.personaName + (request.status === 'CANCELED' ? ' canceled' : ' failed'));
    save();
    handlers.finished(request);
  } else {
    save();
  }
}

function stopFollowing(requestId) {
  const state = live.get(requestId);
  if (!state) return;
  if (state.stream) state.stream.close();
  clearTimeout(state.timer);
  state.stream = null;
}

function follow(request) {
  const state = live.get(request.requestId);
  stopFollowing(request.requestId);
  const stream = new EventSource('/api/requests/' + encodeURIComponent(request.requestId) + '/events');
  state.stream = stream;
  const parse = (message) => { try { return JSON.parse(message.data); } catch { return null; } };
  stream.addEventListener('status', (message) => { state.retries = 0; update(request, parse(message)); });
  for (const end of ['completed', 'failed', 'canceled']) {
    stream.addEventListener(end, (message) => update(request, parse(message)));
  }
  stream.onerror = () => {
    // EventSource reconnects by itself after a dropped connection; a refused one (a 429: too many streams, a
    // 503) it gives up: then the status is asked for, and the stream opened again a little later.
    if (stream.readyState !== EventSource.CLOSED || finished(request)) return;
    stopFollowing(request.requestId);
    state.retries = (state.retries || 0) + 1;
    if (state.retries > MAX_RECONNECTS) {
      live.get(request.requestId).element.querySelector('.request-outcome').textContent =
        'Lost contact with the server: this request’s progress cannot be shown right now.';
      return;
    }
    state.timer = setTimeout(() => poll(request).then(() => { if (!finished(request)) follow(request); }),
      1000 * 2 ** state.retries);
  };
}

async function poll(request) {
  const reply = await api('/api/requests/' + encodeURIComponent(request.requestId)).catch(() => null);
  if (reply && reply.status === 200) update(request, reply.body);
  else if (reply && reply.status === 404) dismiss(request.requestId);
}

// ---------- canceling ----------

/** What went wrong canceling, said in the request's item, with a retry (null clears it). */
function cancelProblem(request, text, retry) {
  const item = live.get(request.requestId).element;
  showProblem(item.querySelector('.request-problem-text'), item.querySelector('.request-retry'), text, retry);
}

/**
 * POST /api/requests/{id}/cancel: 202 answers the canceled status (the stream's `canceled` event may say it first);
 * 409 means it finished before the cancel arrived, so its state is asked for again and shown.
 */
async function cancelRequest(request) {
  const state = live.get(request.requestId);
  if (!state || state.canceling || finished(request)) return;
  state.canceling = true;
  cancelProblem(request, null);
  render(request);
  const reply = await api('/api/requests/' + encodeURIComponent(request.requestId) + '/cancel', { method: 'POST' })
    .catch(() => null);
  state.canceling = false;
  if (!live.has(request.requestId) || finished(request)) return;
  // Try again hides with its message: the focus goes back to Cancel.
  const again = () => { state.element.querySelector('.request-cancel').focus(); cancelRequest(request); };
  if (reply && reply.status === 202 && reply.body) {
    update(request, reply.body);
  } else if (reply && reply.status === 409) {
    request.tooLate = true;
    await poll(request);
    if (live.has(request.requestId) && !finished(request)) {
      cancelProblem(request, 'It finished before it could be canceled; its result is on its way.', () => poll(request));
    }
  } else if (reply && reply.status === 401) {
    cancelProblem(request, auth.lapsed ? 'Your sign-in has expired: sign in again, then cancel.'
      : 'Canceling this request needs you to sign in as the one who made it.', again);
  } else if (reply && reply.status === 403) {
    cancelProblem(request, problemText(reply, 'Only the one who made this request can cancel it.'), null);
  } else {
    cancelProblem(request, reply ? problemText(reply, 'It could not be canceled (HTTP ' + reply.status + ').')
      : 'It could not be canceled: the server cannot be reached.', again);
  }
  if (live.has(request.requestId)) render(request);
}

function addItem(request) {
  const element = $('#request-item').content.firstElementChild.cloneNode(true);
  element.dataset.requestId = request.requestId;
  element.querySelector('.request-dismiss').addEventListener('click', () => dismiss(request.requestId));
  element.querySelector('.request-cancel').addEventListener('click', () => cancelRequest(request));
  element.querySelector('.request-open').addEventListener('click', (event) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    handlers.open(request.slug);
  });
  live.set(request.requestId, { element, stream: null, retries: 0, timer: null, canceling: false });
  // Newest first.
  $('#request-list').prepend(element);
  render(request);
  renderList();
}

function dismiss(requestId) {
  stopFollowing(requestId);
  const state = live.get(requestId);
  if (state) state.element.remove();
  live.delete(requestId);
  requests.delete(requestId);
  save();
  renderList();
}

// ---------- the title while in the background ----------

/** In a background tab the title says it (the tab strip shows it) until the reader comes back. */
function noticeInTitle(text) {
  if (!document.hidden) return;
  if (titleBeforeNotice === null) titleBeforeNotice = document.title;
  notice = text;
  document.title = notice + ' · ' + titleBeforeNotice;
}

/** The page's own title (another persona opened); a notice still showing stays in front of it. */
export function setPageTitle(title) {
  if (titleBeforeNotice === null) {
    document.title = title;
  } else {
    titleBeforeNotice = title;
    document.title = notice + ' · ' + title;
  }
}

// ---------- what others call ----------

/** A request the server accepted (202): listed and followed; any others in flight go on. */
export function trackRequest(accepted) {
  if (requests.has(accepted.requestId)) return;
  const request = {
    requestId: accepted.requestId, personaName: accepted.personaName, slug: accepted.slug,
    startedAt: Date.now(), status: 'PENDING', stages: null, error: null, announced: false,
  };
  requests.set(request.requestId, request);
  save();
  addItem(request);
  follow(request);
  startTicking();
}

/**
 * Wires the list and takes up what this tab had in flight before a reload. on.finished(request): one finished
 * (once); on.open(slug): the reader asked to see a finished one.
 */
export function initRequests(on) {
  handlers = on;
  document.addEventListener('visibilitychange', () => {
    if (!document.hidden && titleBeforeNotice !== null) {
      document.title = titleBeforeNotice;
      titleBeforeNotice = null;
    }
  });
  const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) || '[]');
  for (const request of stored) {
    requests.set(request.requestId, request);
    addItem(request);
    if (!finished(request)) follow(request);
  }
  if ([...requests.values()].some((request) => !finished(request))) startTicking();
}
