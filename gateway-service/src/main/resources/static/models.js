// The image models offered in the form; those anonymous callers may not use are disabled until sign-in.
import { api, auth, signedIn } from './rest-api.js';
import { $ } from './ui.js';

const names = new Map();   // id -> display name
let listed = [];           // [{id, name, available}] as /api/models lists them

export async function loadModels() {
  const reply = await api('/api/models').catch(() => ({ status: 0 }));
  listed = reply.status === 200 && reply.body && Array.isArray(reply.body.models)
    ? reply.body.models : [{ id: 'local', name: 'Local renderer', available: true }];
  for (const model of listed) names.set(model.id, model.name || model.id);
  renderModels(reply.body && reply.body.default);
}

export function modelName(id) {
  return names.get(id) || id;
}

/** A 401 on create showed this model needs a signed-in caller. */
export function needsSignIn(id) {
  auth.paidModels.add(id);
  renderModels();
}

/** Models an anonymous caller may use: the server's list when it gives one, else its documented default. */
function anonymousModel(id) {
  if (auth.paidModels.has(id)) return false;
  const configured = auth.config && Array.isArray(auth.config.anonymousModels) ? auth.config.anonymousModels : null;
  const flagged = listed.find((model) => model.id === id);
  if (configured) return configured.includes(id);
  if (flagged && typeof flagged.anonymous === 'boolean') return flagged.anonymous;
  return id === 'local';
}

export function renderModels(preferred) {
  const select = $('#model');
  const selected = preferred || select.value;
  const locked = Boolean(auth.config) && !signedIn();
  const paid = [];
  select.replaceChildren();
  for (const model of listed) {
    if (!model.available) continue;
    const name = model.name || model.id;
    const paidOnly = locked && !anonymousModel(model.id);
    const option = new Option(paidOnly ? name + ' (sign in)' : name, model.id);
    option.disabled = paidOnly;
    if (paidOnly) paid.push(name);
    select.add(option);
  }
  const options = [...select.options];
  const choice = options.find((option) => option.value === selected && !option.disabled)
    || options.find((option) => !option.disabled);
  if (choice) choice.selected = true;
  $('#model-help').hidden = paid.length === 0;
  $('#model-help').textContent = paid.length ? 'Sign in to create with ' + paid.join(' or ') + '.' : '';
}
