// Sign-in with OpenID Connect: authorization code + PKCE in the browser (a public client), keeping the session
// alive (refresh tokens where the provider gives them, else signing in again without a form), signing out of the
// provider too, and the account header.
import { accountChanged, api, auth, forgetToken, onAccountChange, rememberToken, renewalDue, restoreToken, setTokenRenewer, signedIn } from './rest-api.js';
import { $ } from './ui.js';

const SIGN_IN_KEY = 'personaSignIn';
/**
 * Renewal with a refresh token starts this long before the access token ends, or after three quarters of its life
 * when it lives less than four minutes (so a short-lived token is not renewed again the moment it arrives).
 */
const REFRESH_AHEAD_MS = 60_000;

let refreshTimer = null;
let refreshing = null;

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return location.origin + '/';
}

/**
 * The provider's endpoints, as the server read them from its discovery document (the page never derives them: for
 * Cognito the token endpoint is on the hosted UI's origin, not the issuer's). A provider that started after the server
 * may not be known yet: the configuration is asked for again then.
 */
async function providerEndpoints() {
  if (!auth.config.authorizationEndpoint || !auth.config.tokenEndpoint) {
    const reply = await api('/api/auth/config').catch(() => null);
    if (reply && reply.status === 200 && reply.body && reply.body.enabled) auth.config = reply.body;
  }
  if (!auth.config.authorizationEndpoint || !auth.config.tokenEndpoint) {
    throw new Error('the sign-in provider cannot be reached yet; try again in a moment');
  }
  return auth.config;
}

/**
 * Sends the reader to the provider's sign-in. silent: the provider is asked to answer from its own session without
 * a form (prompt=none); where it cannot, the page comes back with login_required and asks again with the form.
 * resume: what to do once signed in again ({kind, ...}, see onSignedInAgain); the typed input is kept by the caller.
 */
export async function signIn(options = {}) {
  try {
    const endpoints = await providerEndpoints();
    const verifier = randomText();
    const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    const signInState = randomText();
    sessionStorage.setItem(SIGN_IN_KEY, JSON.stringify({
      state: signInState, verifier, returnTo: location.pathname + location.search,
      silent: Boolean(options.silent), resume: options.resume || null,
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
    if (options.silent) params.set('prompt', 'none');
    location.assign(endpoints.authorizationEndpoint + '?' + params);
  } catch (error) {
    showAuthMessage('Sign-in is not available right now: ' + error.message);
  }
}

/** The session lapsed and an action needs it: sign in again, silently if the provider still knows the reader. */
export function signInAgain(resume) {
  showAuthMessage('Your sign-in has expired: signing you in again…');
  return signIn({ silent: true, resume });
}

/**
 * Sign-out revokes the refresh token where the provider has a revocation endpoint, forgets the tokens in this tab and
 * ends the provider's session where it has an end-session endpoint (OpenID's RP-initiated logout with the ID token as
 * hint; Cognito's hosted-UI logout, which leaves refresh tokens valid), coming back to this page.
 */
export function signOut() {
  const idToken = auth.token && auth.token.idToken;
  const refreshToken = auth.token && auth.token.refreshToken;
  const config = auth.config;
  clearTimeout(refreshTimer);
  if (refreshToken && config && config.revocationEndpoint) revoke(config, refreshToken);
  forgetToken('');
  if (!config || !config.endSessionEndpoint) return false;
  const params = new URLSearchParams({ client_id: config.clientId });
  params.set(config.endSessionRedirectParameter || 'post_logout_redirect_uri', redirectUri());
  if (idToken && (config.endSessionRedirectParameter || 'post_logout_redirect_uri') === 'post_logout_redirect_uri') {
    params.set('id_token_hint', idToken);
  }
  location.assign(config.endSessionEndpoint + '?' + params);
  return true;
}

/**
 * Revokes a refresh token (RFC 7009). keepalive lets the request finish while the page navigates away; a refusal
 * changes nothing the reader sees, since the tab forgets the token anyway.
 */
function revoke(config, refreshToken) {
  fetch(config.revocationEndpoint, {
    method: 'POST',
    keepalive: true,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: refreshToken, token_type_hint: 'refresh_token', client_id: config.clientId }),
  }).catch(() => {});
}

/** A token endpoint call: the new tokens, kept, with the refresh token carried over when none came. */
async function tokenRequest(form) {
  const endpoints = await providerEndpoints();
  const response = await fetch(endpoints.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({ client_id: auth.config.clientId, ...form }),
  });
  const tokens = await response.json().catch(() => ({}));
  if (!response.ok || !tokens.access_token) {
    throw new Error(tokens.error_description || tokens.error || 'HTTP ' + response.status);
  }
  const lifetime = Number(tokens.expires_in) > 0 ? Number(tokens.expires_in) * 1000 : 300_000;
  const previous = auth.token || {};
  const now = Date.now();
  rememberToken({
    accessToken: tokens.access_token,
    expiresAt: now + lifetime,
    renewAt: now + lifetime - Math.min(REFRESH_AHEAD_MS, lifetime / 4),
    refreshToken: tokens.refresh_token || (form.grant_type === 'refresh_token' ? previous.refreshToken : undefined),
    idToken: tokens.id_token || previous.idToken,
  });
  scheduleRefresh();
}

/**
 * Renews the access token with the refresh token, once at a time; false when there is none or the provider refused
 * it (the session then lapses when the access token ends).
 */
function refresh() {
  if (!auth.token || !auth.token.refreshToken) return Promise.resolve(false);
  if (!refreshing) {
    refreshing = tokenRequest({ grant_type: 'refresh_token', refresh_token: auth.token.refreshToken })
      .then(() => true)
      .catch(() => {
        if (auth.token) auth.token = { ...auth.token, refreshToken: undefined };
        return false;
      })
      .finally(() => { refreshing = null; });
  }
  return refreshing;
}

/** With a refresh token, the access token is renewed shortly before it ends (renewAt), while the page is open. */
function scheduleRefresh() {
  clearTimeout(refreshTimer);
  if (!auth.token || !auth.token.refreshToken) return;
  refreshTimer = setTimeout(refresh, Math.max(0, renewalDue(auth.token) - Date.now()));
}

/**
 * The provider sent the reader back to / with ?code=&state= (or ?error=): trade the code for tokens. Answers what to
 * resume ({kind, ...}) when this sign-in was made to carry out an action, else null.
 */
async function completeSignIn() {
  const params = new URLSearchParams(location.search);
  if (!params.has('state') || !(params.has('code') || params.has('error'))) return null;
  const pending = JSON.parse(sessionStorage.getItem(SIGN_IN_KEY) || 'null');
  sessionStorage.removeItem(SIGN_IN_KEY);
  history.replaceState({}, '', pending && pending.returnTo ? pending.returnTo : '/');
  if (!pending || pending.state !== params.get('state')) {
    showAuthMessage('Sign-in was not completed: the answer did not match this page. Try again.');
    return null;
  }
  if (params.has('error')) {
    // A silent attempt the provider could not answer without its form: ask again, with the form.
    if (pending.silent && ['login_required', 'interaction_required', 'consent_required'].includes(params.get('error'))) {
      await signIn({ resume: pending.resume });
      return null;
    }
    showAuthMessage('Sign-in was not completed (' + (params.get('error_description') || params.get('error')) + ').');
    return null;
  }
  try {
    await tokenRequest({
      grant_type: 'authorization_code',
      code: params.get('code'),
      redirect_uri: redirectUri(),
      code_verifier: pending.verifier,
    });
    return pending.resume;
  } catch (error) {
    showAuthMessage('Sign-in failed: ' + error.message);
    return null;
  }
}

/**
 * Reads the server's sign-in configuration; finishes a sign-in the provider just sent the reader back from. Answers
 * the action to resume after a sign-in made for it (null when none).
 */
export async function loadAuth() {
  onAccountChange(renderAccount);
  setTokenRenewer(refresh);
  const reply = await api('/api/auth/config').catch(() => null);
  if (!reply || reply.status !== 200 || !reply.body || !reply.body.enabled) return null;
  auth.config = reply.body;
  restoreToken();
  scheduleRefresh();
  const resume = await completeSignIn();
  await loadMe();
  return resume;
}

/** Who is signed in and their quota, from GET /api/me. */
export async function loadMe() {
  auth.me = null;
  if (auth.token) {
    const reply = await api('/api/me').catch(() => null);
    if (reply && reply.status === 200 && reply.body) auth.me = reply.body;
  }
  accountChanged();
}

function quotaText(quota) {
  if (!quota || typeof quota.limit !== 'number') return '';
  const left = Math.max(0, quota.limit - (quota.used || 0));
  return left + ' of ' + quota.limit + ' paid images left today';
}

export function showAuthMessage(text) {
  $('#account-message').textContent = text;
}

function renderAccount(message) {
  if (message !== undefined && message !== null) showAuthMessage(message);
  const enabled = Boolean(auth.config);
  const known = signedIn() && auth.me;
  $('#account').hidden = !enabled;
  // Known from here on (the page starts out as the server drew it, signed out).
  $('#account').dataset.signedIn = String(signedIn());
  $('#sign-in').hidden = signedIn();
  $('#sign-out').hidden = !signedIn();
  $('#account-name').hidden = !signedIn();
  $('#account-name').textContent = known ? auth.me.name || auth.me.id : '';
  $('#account-quota').textContent = known ? quotaText(auth.me.quota) : '';
}
