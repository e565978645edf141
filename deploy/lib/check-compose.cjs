#!/usr/bin/env node
// Checks of docker-compose.yml that the compose-spec JSON schema cannot express:
//   - every depends_on target is a service of the file,
//   - every service has a healthcheck (one-shot services, restart "no", are exempt) that is not disabled,
//   - every image is pinned to a tag (no untagged image, no :latest); services built here may
//     name a local image tag,
//   - every application service only sets environment variables that service reads (the table below,
//     from docs/design.md's configuration contract).
// Usage: check-compose.cjs <docker-compose.yml>
'use strict';
const fs = require('fs');
const yaml = require('js-yaml');

const COMMON = ['SPRING_KAFKA_BOOTSTRAP_SERVERS', 'SPRING_PROFILES_ACTIVE', 'JAVA_TOOL_OPTIONS'];
const S3 = ['S3_BUCKET_NAME', 'S3_ENDPOINT', 'AWS_REGION', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'];
const OPENAI = ['OPENAI_API_KEY', 'OPENAI_BASE_URL', 'OPENAI_IMAGE_MODEL', 'OPENAI_IMAGE_SIZE', 'OPENAI_CHAT_MODEL'];
const ALLOWED_ENV = {
  'gateway-service': [...COMMON, 'PERSONA_DEFAULT_MODEL', 'PERSONA_API_KEYS', 'PERSONA_SERVICE_URI', 'IMAGE_SERVICE_URL',
    'PERSONA_OIDC_ISSUER_URI', 'PERSONA_OIDC_AUDIENCE', 'PERSONA_ANONYMOUS_MODELS', 'PERSONA_FREE_MODELS', 'PERSONA_ADMINS',
    'PERSONA_TRUSTED_PROXY_HOPS'],
  'persona-service': [...COMMON, 'MONGODB_URI', 'MONGODB_DB', ...S3, 'S3_PUBLIC_ENDPOINT', 'S3_PRESIGN_TTL',
    'PERSONA_ANONYMOUS_MODELS', 'PERSONA_FREE_MODELS', 'PERSONA_DAILY_QUOTA', 'PERSONA_DAILY_BUDGET', 'PERSONA_ADMINS'],
  'image-service': [...COMMON, ...OPENAI, 'REPLICATE_API_TOKEN', 'REPLICATE_BASE_URL', 'REPLICATE_OPENJOURNEY_VERSION',
    'PERSONA_DEFAULT_MODEL', 'IMAGE_SERVICE_URL'],
  'motto-service': [...COMMON, ...OPENAI],
  'storage-service': [...COMMON, ...S3, 'STORAGE_ALLOWED_IMAGE_HOSTS', 'IMAGE_SERVICE_URL'],
  'webhook-service': [...COMMON, 'MONGODB_URI', 'MONGODB_DB', 'PERSONA_SERVICE_URI', 'PERSONA_WEBHOOK_ENCRYPTION_KEY',
    'PERSONA_WEBHOOK_RETRY_DELAYS', 'PERSONA_WEBHOOK_ALLOW_LOCAL'],
};

const file = process.argv[2];
if (!file) {
  console.error('usage: check-compose.cjs <docker-compose.yml>');
  process.exit(2);
}
const doc = yaml.load(fs.readFileSync(file, 'utf8'));
const services = (doc && doc.services) || {};
const names = new Set(Object.keys(services));
const findings = [];

function envNames(environment) {
  if (!environment) return [];
  if (Array.isArray(environment)) return environment.map((e) => String(e).split('=')[0]);
  return Object.keys(environment);
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

  if (ALLOWED_ENV[name]) {
    const allowed = new Set(ALLOWED_ENV[name]);
    for (const env of envNames(svc.environment)) {
      if (!allowed.has(env)) findings.push(`service "${name}": environment ${env} is not read by ${name}`);
    }
  }
}

for (const app of Object.keys(ALLOWED_ENV)) {
  if (!names.has(app)) findings.push(`application service "${app}" is missing`);
}

if (findings.length) {
  for (const f of findings) console.log(f);
  process.exit(1);
}
console.log(`${names.size} services: depends_on targets, healthchecks, pinned images and environment names checked`);
