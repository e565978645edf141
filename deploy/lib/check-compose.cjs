#!/usr/bin/env node
// Checks of docker-compose.yml that the compose-spec JSON schema cannot express:
//   - every depends_on target is a service of the file,
//   - every service has a healthcheck (one-shot services, restart "no", are exempt) that is not disabled,
//   - every image is pinned to a tag (no untagged image, no :latest); services built here may
//     name a local image tag,
//   - the five application services are there (which variables they set: check-variables.cjs),
//   - nothing faces the network: every published port is on the loopback address (the gateway's may be moved by
//     GATEWAY_BIND_ADDRESS, when asked), and by default only the gateway and what the browser itself fetches from
//     publish a port (services of an opt-in profile may too); the management port never is.
// Usage: check-compose.cjs <docker-compose.yml>
'use strict';
const fs = require('fs');
const yaml = require('js-yaml');
const { SERVICES } = require('./deployment-model.cjs');

// Who may publish a port without a profile being asked for, and why.
const PUBLISHED_BY_DEFAULT = {
  'gateway-service': 'the page and the API',
  keycloak: 'the sign-in pages the browser is sent to',
  minio: "the S3 API the browser fetches the images' presigned URLs from",
};
const GATEWAY_ADDRESS = /^\$\{GATEWAY_BIND_ADDRESS:-127\.0\.0\.1\}$/;
const MANAGEMENT_PORT = '9080';

const file = process.argv[2];
if (!file) {
  console.error('usage: check-compose.cjs <docker-compose.yml>');
  process.exit(2);
}
const doc = yaml.load(fs.readFileSync(file, 'utf8'));
const services = (doc && doc.services) || {};
const names = new Set(Object.keys(services));
const findings = [];

// {hostIp, published, target} of a short ("[HOST_IP:]PUBLISHED:TARGET", HOST_IP possibly ${VAR:-default}) or long
// port entry; hostIp is "" where compose would publish on every address.
function publishedPort(port) {
  if (typeof port === 'object') return { hostIp: port.host_ip || '', published: port.published, target: port.target };
  const text = String(port).replace(/\/(tcp|udp)$/, '');
  const variable = /^(\$\{[^}]*\}):(.*)$/.exec(text);
  const parts = (variable ? variable[2] : text).split(':');
  const target = parts.pop();
  const published = parts.pop() || target;
  return { hostIp: variable ? variable[1] : parts.join(':'), published, target };
}

for (const [name, svc] of Object.entries(services)) {
  const deps = Array.isArray(svc.depends_on) ? svc.depends_on : Object.keys(svc.depends_on || {});
  for (const dep of deps) {
    if (!names.has(dep)) findings.push(`service "${name}": depends_on "${dep}", which is not a service of this file`);
  }

  const oneShot = svc.restart === 'no' || svc.restart === false;
  const hc = svc.healthcheck;
  if (!oneShot && (!hc || hc.disable === true || !hc.test || (Array.isArray(hc.test) && hc.test[0] === 'NONE'))) {
    findings.push(`service "${name}": no healthcheck`);
  }

  if (svc.image !== undefined) {
    const image = String(svc.image);
    const lastSegment = image.split('@')[0].split('/').pop();
    const tag = lastSegment.includes(':') ? lastSegment.split(':').pop() : null;
    if (!image.includes('@sha256:') && (tag === null || tag === '')) {
      findings.push(`service "${name}": image "${image}" has no tag (pin a version)`);
    } else if (tag === 'latest') {
      findings.push(`service "${name}": image "${image}" uses :latest (pin a version)`);
    }
  } else if (!svc.build) {
    findings.push(`service "${name}": neither image nor build`);
  }

  for (const port of svc.ports || []) {
    const { hostIp, published, target } = publishedPort(port);
    const where = `service "${name}": port ${published}:${target}`;
    const gatewayAsked = name === 'gateway-service' && GATEWAY_ADDRESS.test(hostIp);
    if (hostIp !== '127.0.0.1' && !gatewayAsked) {
      findings.push(`${where} is published on ${hostIp || 'every address'}, not on 127.0.0.1`);
    }
    if (!svc.profiles && !PUBLISHED_BY_DEFAULT[name]) {
      findings.push(`${where} is published, but only ${Object.keys(PUBLISHED_BY_DEFAULT).join(', ')} publish by default`);
    }
    if (String(target) === MANAGEMENT_PORT && SERVICES.includes(name)) {
      findings.push(`${where} publishes the management port (/actuator)`);
    }
  }
}

for (const app of SERVICES) {
  if (!names.has(app)) findings.push(`application service "${app}" is missing`);
}

if (findings.length) {
  for (const f of findings) console.log(f);
  process.exit(1);
}
console.log(`${names.size} services: depends_on targets, healthchecks, pinned images, published ports (loopback; gateway, sign-in and S3 only) checked`);
