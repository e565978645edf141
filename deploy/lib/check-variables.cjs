#!/usr/bin/env node
// Every variable a deployment sets for a service is read by that service, and every variable the service needs is
// set. The deployments: each application service of docker-compose.yml, and each ECS task definition's environment
// and secrets (Terraform rendered with the example values, and again with every optional setting on). A variable is
// read when the service's configuration (its application.yml and service-kit's service-defaults*.yml) has a
// ${NAME...} placeholder for it, or when it names by Spring's relaxed binding a property of those files or a Spring
// Boot property of the service's jar (deploy/schemas/spring-properties.json), or when the runtime itself reads it
// (RUNTIME_VARIABLES). A variable is needed when a placeholder has no default, or a default that is this host.
// Usage: check-variables.cjs <repository root>
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const { SERVICES, EXAMPLE_VARIABLES, loadTerraform } = require('./deployment-model.cjs');

// Read by the JVM or a library outside Spring's configuration, so no placeholder names them.
const RUNTIME_VARIABLES = {
  JAVA_TOOL_OPTIONS: 'the JVM',
  AWS_ACCESS_KEY_ID: "the AWS SDK's default credential chain",
  AWS_SECRET_ACCESS_KEY: "the AWS SDK's default credential chain",
};

// Terraform with every optional setting on: the variables that only some deployments set are checked too.
const ALL_OPTIONS = {
  ...EXAMPLE_VARIABLES,
  oidc_issuer_uri: 'https://login.example.com/realms/persona',
  oidc_audience: 'persona-api',
  admins: 'alice',
  storage_allowed_image_hosts: 'images.example.com',
};

const findings = [];

function walk(value, visit, prefix = '') {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) walk(v, visit, prefix ? `${prefix}.${k}` : k);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => walk(v, visit, `${prefix}[${i}]`));
  } else visit(prefix, value);
}

// The configuration of one service: {placeholders: Map<name, default|undefined>, properties: Set<property>}.
function configuration(root, service, springProperties) {
  const files = ['service-defaults.yml', 'service-defaults-aws.yml']
    .map((f) => path.join(root, 'service-kit/src/main/resources', f))
    .filter((f) => fs.existsSync(f));
  const dir = path.join(root, service, 'src/main/resources');
  for (const f of fs.readdirSync(dir)) if (/^application(-[a-z0-9]+)?\.ya?ml$/.test(f)) files.push(path.join(dir, f));
  const placeholders = new Map();
  const properties = new Set(springProperties);
  for (const file of files) {
    for (const doc of yaml.loadAll(fs.readFileSync(file, 'utf8'))) {
      walk(doc, (key, value) => {
        properties.add(key);
        if (typeof value !== 'string') return;
        for (const m of value.matchAll(/\$\{([A-Z][A-Z0-9_]*)(?::([^}]*))?\}/g)) placeholders.set(m[1], m[2]);
      });
    }
  }
  return { placeholders, properties };
}

// The environment variable names that bind a property by relaxed binding: the canonical form (dashes dropped) and
// the legacy one (dashes as underscores); "<name>.*" (a map) binds every variable below it.
function bindsProperty(variable, property) {
  const map = property.endsWith('.*');
  const name = map ? property.slice(0, -2) : property;
  const forms = [name.replace(/-/g, ''), name.replace(/-/g, '.')].map((f) => f.toUpperCase().replace(/\./g, '_'));
  return forms.some((f) => variable === f || (map && variable.startsWith(`${f}_`)));
}

function whyUnread(variable, config) {
  if (config.placeholders.has(variable) || RUNTIME_VARIABLES[variable]) return null;
  for (const p of config.properties) if (!p.includes('[') && bindsProperty(variable, p)) return null;
  return `no \${${variable}} placeholder in its configuration and no property that ${variable} binds`;
}

function required(config) {
  const needed = new Map();
  for (const [name, def] of config.placeholders) {
    if (def === undefined) needed.set(name, 'no default');
    else if (/localhost|127\.0\.0\.1/.test(def)) needed.set(name, `its default ${def} is this host`);
  }
  return needed;
}

function loadSpringProperties(root) {
  const file = path.join(__dirname, '..', 'schemas', 'spring-properties.json');
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  const pom = fs.readFileSync(path.join(root, 'pom.xml'), 'utf8');
  const boot = (/<artifactId>spring-boot-starter-parent<\/artifactId>\s*<version>([^<]+)</.exec(pom) || [])[1];
  if (boot && boot !== doc.springBoot) {
    findings.push(`deploy/schemas/spring-properties.json lists Spring Boot ${doc.springBoot}'s properties, pom.xml has ${boot}: `
      + 'regenerate it (./mvnw package -DskipTests, then deploy/validate --write-spring-properties)');
  }
  const byService = Object.fromEntries(SERVICES.map((s) => [s, []]));
  for (const [group, names] of Object.entries(doc.services)) {
    for (const s of group.split(',')) if (byService[s]) byService[s].push(...names);
  }
  return byService;
}

function composeEnvironment(compose, service) {
  const env = ((compose.services || {})[service] || {}).environment || {};
  return Array.isArray(env) ? env.map((e) => String(e).split('=')[0]) : Object.keys(env);
}

function taskDefinitionEnvironment(tf, service) {
  const mod = tf.moduleInstances('service')[service];
  if (!mod) return null;
  const container = mod.ref('local').__get('container_definition');
  return [...container.environment, ...container.secrets].map((e) => e.name);
}

async function main() {
  const root = path.resolve(process.argv[2] || '.');
  const compose = yaml.load(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));
  const springProperties = loadSpringProperties(root);
  const renders = [['', await loadTerraform(root)], [' (every option on)', await loadTerraform(root, ALL_OPTIONS)]];
  let variables = 0;
  for (const service of SERVICES) {
    const config = configuration(root, service, springProperties[service]);
    const needed = required(config);

    const composeVars = composeEnvironment(compose, service);
    variables += composeVars.length;
    for (const v of composeVars) {
      const why = whyUnread(v, config);
      if (why) findings.push(`docker-compose.yml: ${service} sets ${v}, which ${service} does not read (${why})`);
    }
    for (const [name, why] of needed) {
      if (!composeVars.includes(name)) findings.push(`docker-compose.yml: ${service} does not set ${name} (${why})`);
    }

    for (const [label, tf] of renders) {
      const names = taskDefinitionEnvironment(tf, service);
      if (!names) {
        findings.push(`terraform: no module.service["${service}"]`);
        continue;
      }
      variables += names.length;
      for (const v of names) {
        const why = whyUnread(v, config);
        if (why) findings.push(`terraform${label}: ${service}'s task definition sets ${v}, which ${service} does not read (${why})`);
      }
      for (const [name, why] of needed) {
        if (!names.includes(name)) findings.push(`terraform${label}: ${service}'s task definition does not set ${name} (${why})`);
      }
    }
  }
  const unique = [...new Set(findings)];
  if (unique.length) {
    for (const f of unique) console.log(f);
    process.exit(1);
  }
  console.log(`${SERVICES.length} services: the ${variables} variables compose and the task definitions set are all read, and every variable a service needs is set`);
}

main().catch((e) => {
  console.log(String(e.stack || e));
  process.exit(2);
});
