// The public REST API as the page calls it, and who is calling (the signed-in user's tokens).
const TOKEN_KEY = 'personaToken';
const LAPSED_KEY = 'personaSessionLapsed';
/** A token this close to its end is renewed before it is used (when it does not say when: see renewalDue). */
const RENEW_MARGIN_MS = 30_000;

// config null: the server has no sign-in. token: {accessToken, expiresAt, renewAt?, refreshToken?, idToken?}.
// me: GET /api/me.
// lapsed: this tab was signed in and its session ended by itself (expired, or refused by the server): an action
// that needs a signed-in caller then signs in again (account.js) instead of only saying so.
export const auth = {
  config: null,
  token: null,
  me: null,
  lapsed: false,
  paidModels: new Set(),  // models a 401 showed need a principal, beyond what the configuration says
};

const accountListeners = [];
let renewer = null;

/** Calls the listener whenever the signed-in caller changes (signed in, signed out, /api/me reloaded). */
export function onAccountChange(listener) {
  accountListeners.push(listener);
}

export function accountChanged(message) {
  for (const listener of accountListeners) listener(message);
}

/** renew: async () => whether auth.token was renewed without leaving the page (a refresh token); account.js sets it. */
export function setTokenRenewer(renew) {
  renewer = renew;
}

export function signedIn() {
  return Boolean(auth.config && auth.token);
}

export function rememberToken(token) {
  auth.token = token;
  auth.lapsed = false;
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(token));
  sessionStorage.removeItem(LAPSED_KEY);
}

/** The tokens this tab kept from an earlier sign-in; an expired one that a refresh token can renew is kept too. */
export function restoreToken() {
  const stored = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
  auth.lapsed = sessionStorage.getItem(LAPSED_KEY) === 'true';
  if (stored && (stored.expiresAt > Date.now() || stored.refreshToken)) auth.token = stored;
  else if (stored) lapse();
}

/** Signing out: forgets the tokens; the session did not lapse by itself. */
export function forgetToken(message) {
  auth.token = null;
  auth.me = null;
  auth.lapsed = false;
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(LAPSED_KEY);
  accountChanged(message);
}

/** The session ended by itself: the tokens go, and the next action that needs them signs in again. */
function lapse(message) {
  auth.token = null;
  auth.me = null;
  auth.lapsed = true;
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.setItem(LAPSED_KEY, 'true');
  accountChanged(message);
}

function apiKeyHeaders() {
  const key = localStorage.getItem('personaApiKey');
  return key ? { 'X-API-Key': key } : {};
}

/** When a token is due for renewal (ms since the epoch): its renewAt, else a little before it expires. */
export function renewalDue(token) {
  return token.renewAt || token.expiresAt - RENEW_MARGIN_MS;
}

/** The access token to send: renewed first when it is due and can be; none once it has expired. */
async function bearerToken() {
  if (!auth.token) return null;
  if (renewalDue(auth.token) <= Date.now() && renewer) await renewer();
  if (auth.token && auth.token.expiresAt <= Date.now()) lapse('Your sign-in has expired.');
  return auth.token ? auth.token.accessToken : null;
}

export async function api(path, options = {}) {
  const token = await bearerToken();
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
  // A token the server no longer accepts: renewed and the call made again once, else the session has lapsed.
  if (response.status === 401 && token) {
    if (!options.renewed && renewer && auth.token && await renewer()) return api(path, { ...options, renewed: true });
    lapse('Your sign-in is no longer valid.');
  }
  return { status: response.status, body, headers: response.headers };
}

export function sendJson(method, path, payload, headers = {}) {
  return api(path, {
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
}

export function personaPath(slug) {
  return '/api/personas/' + encodeURIComponent(slug);
}

export function imagePath(slug, imageId) {
  return personaPath(slug) + '/images/' + encodeURIComponent(imageId);
}

/** The page of one image: its stable link, which opens it. */
export function imagePagePath(slug, imageId) {
  return '/p/' + encodeURIComponent(slug) + '/images/' + encodeURIComponent(imageId);
}

/** The stable address of an image's original (a redirect to a fresh presigned URL); as a download with download. */
export function originalPath(slug, imageId, download) {
  return imagePath(slug, imageId) + '/original' + (download ? '?download=true' : '');
}

export function problemText(reply, fallback) {
  const problem = (reply && reply.body) || {};
  return problem.detail || problem.title || fallback;
}
