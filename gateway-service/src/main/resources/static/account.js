// Sign-in with OpenID Connect: authorization code + PKCE in the browser (a public client), and the account header.
import { $, accountChanged, api, auth, forgetToken, onAccountChange, rememberToken, restoreToken, signedIn } from './rest-api.js';

const SIGN_IN_KEY = 'personaSignIn';

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
  return { authorizationEndpoint: auth.config.authorizationEndpoint, tokenEndpoint: auth.config.tokenEndpoint };
}

export async function signIn() {
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

/**
 * Sign-out forgets the token in this tab. The provider's own session stays: signing in again may not ask for the
 * password. (The configuration names the provider's end-session endpoint, Cognito's hosted-UI logout included.)
 */
export function signOut() {
  forgetToken('');
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
    rememberToken({ accessToken: tokens.access_token, expiresAt: Date.now() + lifetime });
  } catch (error) {
    showAuthMessage('Sign-in failed: ' + error.message);
  }
}

/** Reads the server's sign-in configuration; finishes a sign-in the provider just sent the reader back from. */
export async function loadAuth() {
  onAccountChange(renderAccount);
  const reply = await api('/api/auth/config').catch(() => null);
  if (!reply || reply.status !== 200 || !reply.body || !reply.body.enabled) return;
  auth.config = reply.body;
  restoreToken();
  await completeSignIn();
  await loadMe();
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

function showAuthMessage(text) {
  $('#account-message').textContent = text;
}

function renderAccount(message) {
  if (message !== undefined && message !== null) showAuthMessage(message);
  const enabled = Boolean(auth.config);
  const known = signedIn() && auth.me;
  $('#account').hidden = !enabled;
  $('#sign-in').hidden = signedIn();
  $('#sign-out').hidden = !signedIn();
  $('#account-name').hidden = !signedIn();
  $('#account-name').textContent = known ? auth.me.name || auth.me.id : '';
  $('#account-quota').textContent = known ? quotaText(auth.me.quota) : '';
}
