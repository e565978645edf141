#!/usr/bin/env node
// Offline Terraform check (there is no terraform binary here): parses every .tf file under a directory
// with HashiCorp's HCL parser (@cdktn/hcl2json) and checks
//   - syntax (parse errors are findings),
//   - resource, data source and ephemeral resource types, their argument and nested block names, against the
//     provider schemas in deploy/schemas/<provider>-provider-schema.json (aws, github, random: extracted by
//     extract-provider-schema.cjs); a type of a provider without a schema is a finding,
//   - every module directory declares each provider it uses in required_providers (else Terraform would look
//     for hashicorp/<name>, which is wrong for integrations/github),
//   - every variable and output has a description,
//   - local module sources point at an existing directory,
//   - an s3 backend uses S3-native locking (use_lockfile = true),
//   - no static AWS keys in provider blocks.
// It knows nothing of types, required arguments or references: `terraform validate` in CI does that.
// Usage: check-terraform.cjs <terraform dir> <schemas dir>
'use strict';
const fs = require('fs');
const path = require('path');
const hcl = require('@cdktn/hcl2json');

const [, , tfDir, schemasDir] = process.argv;
if (!tfDir || !schemasDir) {
  console.error('usage: check-terraform.cjs <terraform dir> <schemas dir>');
  process.exit(2);
}
// provider name (the type prefix before the first "_") => {resource, data, ephemeral}
const schemas = Object.fromEntries(fs.readdirSync(schemasDir)
  .filter((f) => f.endsWith('-provider-schema.json'))
  .map((f) => [f.replace('-provider-schema.json', ''), JSON.parse(fs.readFileSync(path.join(schemasDir, f), 'utf8'))]));
const KINDS = ['resource', 'data', 'ephemeral'];
const META_ARGS = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection']);
const findings = [];

function tfFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue; // .terraform, .terraform.lock.hcl
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...tfFiles(full));
    else if (entry.name.endsWith('.tf')) out.push(full);
  }
  return out.sort();
}

// Blocks come out of hcl2json as arrays of objects; attributes as scalars, plain objects (maps) or lists.
function blockBodies(value) {
  return Array.isArray(value) ? value.filter((v) => v && typeof v === 'object' && !Array.isArray(v)) : [];
}

function checkBody(body, spec, where, file, topLevel) {
  for (const [key, value] of Object.entries(body)) {
    if (topLevel && META_ARGS.has(key)) continue;
    if (key === 'dynamic') {
      for (const [blockName, blocks] of Object.entries(value)) {
        if (!(blockName in spec)) {
          findings.push(`${file}: ${where}: unknown dynamic block "${blockName}"`);
          continue;
        }
        const nested = spec[blockName];
        for (const dyn of blockBodies(blocks)) {
          for (const content of blockBodies(dyn.content)) {
            if (nested !== 1) checkBody(content, nested, `${where}.${blockName}`, file, false);
          }
        }
      }
      continue;
    }
    if (!(key in spec)) {
      findings.push(`${file}: ${where}: unknown argument or block "${key}"`);
      continue;
    }
    const nested = spec[key];
    if (nested !== 1 && Array.isArray(value)) {
      for (const inner of blockBodies(value)) checkBody(inner, nested, `${where}.${key}`, file, false);
    }
  }
}

async function main() {
  const files = tfFiles(tfDir);
  if (files.length === 0) findings.push(`${tfDir}: no .tf files found`);
  const usedProviders = new Map(); // module dir => Set<provider>
  const declaredProviders = new Map(); // module dir => Set<provider>
  const addTo = (map, dir, name) => map.set(dir, (map.get(dir) || new Set()).add(name));
  for (const file of files) {
    const rel = path.relative(process.cwd(), file);
    let doc;
    try {
      doc = await hcl.parse(path.basename(file), fs.readFileSync(file, 'utf8'));
    } catch (e) {
      findings.push(`${rel}: HCL parse error: ${String(e.message || e).replace(/\s+/g, ' ')}`);
      continue;
    }
    for (const kind of KINDS) {
      for (const [type, instances] of Object.entries(doc[kind] || {})) {
        const provider = type.split('_')[0];
        addTo(usedProviders, path.dirname(file), provider);
        const schema = schemas[provider];
        if (!schema) {
          findings.push(`${rel}: ${kind} "${type}": no schema of provider "${provider}" in deploy/schemas`);
          continue;
        }
        const spec = (schema[kind] || {})[type];
        if (!spec) {
          findings.push(`${rel}: unknown ${kind} type "${type}" (not in ${schema.provider || provider})`);
          continue;
        }
        for (const [name, bodies] of Object.entries(instances)) {
          for (const body of blockBodies(bodies)) checkBody(body, spec, `${kind}.${type}.${name}`, rel, true);
        }
      }
    }
    for (const kind of ['variable', 'output']) {
      for (const [name, bodies] of Object.entries(doc[kind] || {})) {
        for (const body of blockBodies(bodies)) {
          if (typeof body.description !== 'string' || body.description.trim() === '') {
            findings.push(`${rel}: ${kind} "${name}" has no description`);
          }
        }
      }
    }
    for (const [name, bodies] of Object.entries(doc.module || {})) {
      for (const body of blockBodies(bodies)) {
        const src = body.source;
        if (typeof src === 'string' && (src.startsWith('./') || src.startsWith('../'))) {
          const target = path.resolve(path.dirname(file), src);
          if (!fs.existsSync(target) || !fs.statSync(target).isDirectory()) {
            findings.push(`${rel}: module "${name}" source ${src} does not exist`);
          }
        }
      }
    }
    for (const tf of blockBodies(doc.terraform)) {
      for (const required of blockBodies(tf.required_providers)) {
        for (const name of Object.keys(required)) addTo(declaredProviders, path.dirname(file), name);
      }
      for (const s3 of blockBodies((tf.backend || {}).s3)) {
        if (s3.use_lockfile !== true) findings.push(`${rel}: backend "s3" without use_lockfile = true`);
        if ('dynamodb_table' in s3) findings.push(`${rel}: backend "s3" uses the deprecated dynamodb_table lock`);
      }
    }
    for (const bodies of Object.values(doc.provider || {})) {
      for (const body of blockBodies(bodies)) {
        for (const key of ['access_key', 'secret_key', 'token']) {
          if (key in body) findings.push(`${rel}: provider block sets ${key}: no static credentials`);
        }
      }
    }
  }
  for (const [dir, used] of usedProviders) {
    const declared = declaredProviders.get(dir) || new Set();
    for (const provider of used) {
      if (!declared.has(provider)) findings.push(`${path.relative(process.cwd(), dir)}: uses provider "${provider}" without declaring it in required_providers`);
    }
  }
  if (findings.length) {
    for (const f of findings) console.log(f);
    process.exit(1);
  }
  console.log(`${files.length} .tf files parsed; resource/data/ephemeral names (${Object.values(schemas).map((s) => s.provider).filter(Boolean).join(', ')}), required_providers, variable/output descriptions, module sources and backend checked`);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
