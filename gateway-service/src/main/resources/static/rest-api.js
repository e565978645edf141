// The public REST API as the page calls it, and who is calling (sign-in state).
export const $ = (selector) => document.querySelector(selector);

const TOKEN_KEY = 'personaToken';

// config null: the server has no sign-in. token: {accessToken, expiresAt}. me: GET /api/me.
export const auth = {
  config: null,
  token: null,
  me: null,
  paidModels: new Set(),  // models a 401 showed need a principal, beyond what the configuration says
};

const accountListeners = [];

/** Calls the listener whenever the signed-in caller changes (signed in, signed out, /api/me reloaded). */
export function onAccountChange(listener) {
  accountListeners.push(listener);
}

export function accountChanged(message) {
  for (const listener of accountListeners) listener(message);
}

export function signedIn() {
  return Boolean(auth.config && auth.token);
}

export function rememberToken(token) {
  auth.token = token;
  sessionStorage.setItem(TOKEN_KEY, JSON.stringify(token));
}

/** The token this tab kept from an earlier sign-in, while it is still valid. */
export function restoreToken() {
  const stored = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
  if (stored && stored.expiresAt > Date.now()) auth.token = stored; else sessionStorage.removeItem(TOKEN_KEY);
}

export function forgetToken(message) {
  auth.token = null;
  auth.me = null;
  sessionStorage.removeItem(TOKEN_KEY);
  accountChanged(message);
}

function apiKeyHeaders() {
  const key = localStorage.getItem('personaApiKey');
  return key ? { 'X-API-Key': key } : {};
}

function bearerToken() {
  if (auth.token && auth.token.expiresAt <= Date.now()) forgetToken('Your sign-in has expired: sign in again.');
  return auth.token ? auth.token.accessToken : null;
}

export async function api(path, options = {}) {
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

export function sendJson(method, path, payload) {
  return api(path, {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
}

export function personaPath(slug) {
  return '/api/personas/' + encodeURIComponent(slug);
}

export function imagePath(slug, imageId) {
  return personaPath(slug) + '/images/' + encodeURIComponent(imageId);
}

export function problemText(reply, fallback) {
  const problem = reply.body || {};
  return problem.detail || problem.title || fallback;
}
