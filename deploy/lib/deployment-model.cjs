// What deploy/validate's deployment checks share: the Terraform of terraform/envs/prod evaluated with example
// values, and the AsyncAPI applications of common-events (who sends and receives which topic, under which group).
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const { loadRoot } = require('./terraform-eval.cjs');

const SERVICES = ['gateway-service', 'persona-service', 'image-service', 'motto-service', 'storage-service'];

// Example values of the variables without a default (like terraform.tfvars.example).
const EXAMPLE_VARIABLES = {
  region: 'us-east-1',
  certificate_arn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
  bucket_name: 'persona-composer-images-example',
  image_tag: '0123456789abcdef0123456789abcdef01234567',
  github_repository: 'example-org/persona-composer',
  public_base_url: 'https://personas.example.com',
};

async function loadTerraform(root, variables = EXAMPLE_VARIABLES) {
  return loadRoot(path.join(root, 'terraform/envs/prod'), variables);
}

// { service: { sends: Set<topic>, receives: Map<topic, {group} | {groupPrefix}> } }
function loadAsyncApi(root) {
  const file = path.join(root, 'common-events/src/main/resources/asyncapi.yaml');
  const doc = yaml.load(fs.readFileSync(file, 'utf8'));
  const channelAddress = (ref) => {
    const name = ref.replace('#/channels/', '');
    if (!doc.channels[name]) throw new Error(`asyncapi.yaml: operation refers to unknown channel ${ref}`);
    return doc.channels[name].address;
  };
  const apps = {};
  for (const [opName, op] of Object.entries(doc.operations || {})) {
    const tags = (op.tags || []).map((t) => (t.$ref ? t.$ref.replace('#/components/tags/', '') : t.name));
    const service = tags.find((t) => SERVICES.includes(t));
    if (!service) throw new Error(`asyncapi.yaml: operation ${opName} names no service tag`);
    const app = (apps[service] = apps[service] || { sends: new Set(), receives: new Map() });
    const topic = channelAddress(op.channel.$ref);
    if (op.action === 'send') app.sends.add(topic);
    else {
      const g = ((op.bindings || {}).kafka || {}).groupId || {};
      if (Array.isArray(g.enum) && g.enum.length === 1) app.receives.set(topic, { group: g.enum[0] });
      else if (typeof g.pattern === 'string' && /^\^[A-Za-z0-9._-]+$/.test(g.pattern)) {
        app.receives.set(topic, { groupPrefix: g.pattern.slice(1) });
      } else throw new Error(`asyncapi.yaml: receive operation ${opName} has no groupId (enum of one, or ^prefix pattern)`);
    }
  }
  return apps;
}

module.exports = { SERVICES, EXAMPLE_VARIABLES, loadTerraform, loadAsyncApi };
