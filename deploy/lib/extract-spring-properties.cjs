#!/usr/bin/env node
// Lists the Spring configuration properties each packaged service knows (the spring-configuration-metadata.json of
// every library in its jar), for deploy/schemas/spring-properties.json: what a SPRING_*, MANAGEMENT_*, SERVER_* or
// LOGGING_* environment variable may bind by relaxed binding (check-variables.cjs). Properties known to the same
// services are grouped; a map-valued property (any key below it binds) is written "<name>.*".
//   {"springBoot": "<version of the root pom's parent>", "services": {"<service>,<service>": [properties], ...}}
// Run by `deploy/validate --write-spring-properties` after `./mvnw package` (needs unzip).
// Usage: extract-spring-properties.cjs <repository root>
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { SERVICES } = require('./deployment-model.cjs');

const root = path.resolve(process.argv[2] || '.');
const unzip = (...args) => execFileSync('unzip', args, { maxBuffer: 256 * 1024 * 1024 });

function springBootVersion() {
  const pom = fs.readFileSync(path.join(root, 'pom.xml'), 'utf8');
  const parent = /<parent>[\s\S]*?<artifactId>spring-boot-starter-parent<\/artifactId>\s*<version>([^<]+)<\/version>/.exec(pom);
  if (!parent) throw new Error('pom.xml: no spring-boot-starter-parent version');
  return parent[1];
}

function propertiesOf(service) {
  const jar = path.join(root, service, 'target', `${service}.jar`);
  if (!fs.existsSync(jar)) throw new Error(`${jar} is missing: ./mvnw -B -ntp package -DskipTests first`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'spring-properties-'));
  const names = new Set();
  try {
    const libraries = unzip('-Z1', jar).toString().split('\n').filter((e) => /^BOOT-INF\/lib\/.+\.jar$/.test(e));
    for (const library of libraries) {
      const file = path.join(scratch, path.basename(library));
      fs.writeFileSync(file, unzip('-p', jar, library));
      if (!unzip('-Z1', file).toString().split('\n').includes('META-INF/spring-configuration-metadata.json')) continue;
      const metadata = JSON.parse(unzip('-p', file, 'META-INF/spring-configuration-metadata.json').toString());
      for (const p of metadata.properties || []) names.add(/^java\.util\.Map</.test(p.type || '') ? `${p.name}.*` : p.name);
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return names;
}

const known = Object.fromEntries(SERVICES.map((s) => [s, propertiesOf(s)]));
const groups = {};
for (const name of [...new Set(Object.values(known).flatMap((s) => [...s]))].sort()) {
  const key = SERVICES.filter((s) => known[s].has(name)).join(',');
  (groups[key] = groups[key] || []).push(name);
}
process.stdout.write(`${JSON.stringify({ springBoot: springBootVersion(), services: groups }, null, 1)}\n`);
