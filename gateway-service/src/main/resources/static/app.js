// Persona Composer web page: plain JavaScript on the public REST API only. This module starts the page and routes
// between its views (/, /p/{slug}, /p/{slug}/images/{id}); the parts are in modules of their own, which know
// nothing of each other: they say what happened through the handlers given to them here.
import { loadAuth, loadMe, showAuthMessage, signIn, signOut } from './account.js';
import { clearErrors, initComposer, keepDraftAndSignInAgain, prefillForm, restoreDraft, showFormError, submitForm } from './composer.js';
import { initGallery, loadGallery, showMine, showingMine } from './gallery.js';
import { loadModels, renderModels } from './models.js';
import { closeImage, currentName, currentSlug, hidePersona, initPersonaView, openImage, refreshImageCards, refreshOwnVotes, resumeVote, showPersona } from './persona-view.js';
import { auth, onAccountChange, signedIn } from './rest-api.js';
import { initRequests, setPageTitle, trackRequest } from './requests.js';
import { $ } from './ui.js';

const SITE = 'Persona Composer';
const HOME_TITLE = SITE + ' · AI personas: a portrait and a motto';

// ---------- routing ----------

/** {slug, imageId} of the address: a persona's page, one of its images, or the home page (slug null). */
function address() {
  const match = location.pathname.match(/^\/p\/([^/]+)(?:\/images\/([^/]+))?\/?$/);
  return match ? { slug: decodeURIComponent(match[1]), imageId: match[2] ? decodeURIComponent(match[2]) : null }
    : { slug: null, imageId: null };
}

function openPersona(slug, reload = false) {
  const path = '/p/' + encodeURIComponent(slug);
  if (location.pathname !== path) history.pushState({}, '', path);
  route(reload);
}

/** On a persona's page the persona is the level-one heading; on the home page the composer is. */
function composerHeadingLevel(level) {
  const heading = $('#composer-title');
  if (heading.tagName === 'H' + level) return;
  const replacement = document.createElement('h' + level);
  replacement.id = heading.id;
  replacement.textContent = heading.textContent;
  heading.replaceWith(replacement);
}

let galleryShown = false;

async function route(reload = false) {
  const { slug, imageId } = address();
  if (slug) {
    composerHeadingLevel(2);
    await showPersona(slug, reload);
    if (currentSlug() === slug && imageId) openImage(imageId, true); else closeImage();
  } else {
    closeImage();
    hidePersona();
    composerHeadingLevel(1);
    prefillForm('', false);
    setPageTitle(HOME_TITLE);
  }
  // The gallery is the same on every page: loaded once, and again when what it lists changed.
  if (!galleryShown || reload) {
    galleryShown = true;
    loadGallery(true);
  }
}

// ---------- what the parts report ----------

function personaLoaded(persona) {
  setPageTitle(persona.name + ' · ' + SITE);
  prefillForm(persona.name, true);
}

function personaMissing(name) {
  setPageTitle('No such persona yet · ' + SITE);
  prefillForm(name, false);
}

/** A request finished: its persona opens if the reader is on the home page or on that persona's page. */
function requestFinished(request) {
  if (request.status !== 'COMPLETED') return;
  if (signedIn()) loadMe();
  const here = address().slug;
  if (!here || here === request.slug) openPersona(request.slug, true);
  else loadGallery(true);
}

/** An image was deleted; with emptiedSlug, the persona went with its last image. */
function imagesChanged(emptiedSlug) {
  if (emptiedSlug) openPersona(emptiedSlug, true);
  else loadGallery(true);
}

/** 401/403 on the persona page: the form's message says how to get in. */
function needsAuthorization(action) {
  if (auth.config) {
    showFormError(action + ' needs you to sign in.');
    return;
  }
  $('#api-key-field').hidden = false;
  showFormError(action + ' needs an API key: enter it in the form and try again.');
}

/** The image closed: the address goes back to the persona's. */
function imageClosed() {
  const { slug, imageId } = address();
  if (slug && imageId) history.pushState({}, '', '/p/' + encodeURIComponent(slug));
}

/** What depends on who is signed in: the paid models, "My personas", delete buttons and own votes. */
function accountChanged() {
  $('#gallery-tabs').hidden = !signedIn();
  if (!signedIn() && showingMine()) showMine(false);
  renderModels();
  refreshImageCards();
}

/** Carries out the action a sign-in interrupted, with what was typed before it. */
function resume(action) {
  if (!action) return;
  const typed = restoreDraft();
  if (action.kind === 'create' && typed) {
    showAuthMessage('You are signed in again: your persona is being sent.');
    submitForm();
  } else if (action.kind === 'vote') {
    showAuthMessage('You are signed in again.');
    resumeVote(action.imageId, action.direction);
  } else if (action.kind === 'notice') {
    showAuthMessage(action.text);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  initRequests({ finished: requestFinished, open: (slug) => openPersona(slug) });
  initComposer({
    personaExists: (slug) => openPersona(slug),
    accepted: trackRequest,
    quotaChanged: loadMe,
    // A different name is a different persona: "Create another" only applies to the one shown.
    nameEdited: () => {
      if (currentSlug() && $('#force').value === 'true' && $('#name').value !== currentName()) {
        prefillForm($('#name').value, false);
      }
    },
  });
  initGallery({ open: (slug) => openPersona(slug) });
  initPersonaView({
    loaded: personaLoaded, missing: personaMissing, changed: imagesChanged, needsAuthorization,
    signInAgain: (action) => keepDraftAndSignInAgain(action), imageClosed,
  });
  $('#sign-in').addEventListener('click', () => { clearErrors(); signIn(); });
  $('#sign-out').addEventListener('click', () => {
    // Where the provider's session ends too, the page is left for the provider's and comes back signed out.
    if (!signOut()) route(true);
  });
  window.addEventListener('popstate', () => route());
  onAccountChange(accountChanged);
  // What the server put into the page shows at once; who is calling and the models follow. Back from the provider
  // (?code=&state= on the page the provider returns to), the page first finds out where the reader was.
  const backFromSignIn = new URLSearchParams(location.search).has('state');
  const shown = backFromSignIn ? null : route();
  loadAuth().then(async (action) => {
    await loadModels();
    if (backFromSignIn) await route(); else await shown;
    if (!backFromSignIn && (signedIn() || !auth.config)) refreshOwnVotes();
    resume(action);
  });
});
