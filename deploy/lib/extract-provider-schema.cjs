#!/usr/bin/env node
// Extracts the names Terraform accepts for a provider's resources and data sources from the type manifest (.jsii)
// of its prebuilt CDK for Terraform package (@cdktf/provider-<name>), as deploy/schemas/<name>-provider-schema.json:
//   {"provider": "<source> <version>", "resource": {type: {argument: 1 | {nested block: ...}}}, "data": {...},
//    "ephemeral": {...}}
// Each config property's Terraform name is the anchor of its "Docs at Terraform Registry" link. The prebuilt
// packages carry no ephemeral resources: `--ephemeral-like TYPE` adds ephemeral TYPE with the arguments of the
// managed resource TYPE except `keepers` (random's ephemeral random_password is documented that way).
// Usage: npm pack @cdktf/provider-github@15.3.1 && tar xzf cdktf-provider-github-15.3.1.tgz
//        extract-provider-schema.cjs package/.jsii [--ephemeral-like random_password] > github-provider-schema.json
'use strict';
const fs = require('fs');

const [, , manifestFile, ...options] = process.argv;
if (!manifestFile) {
  console.error('usage: extract-provider-schema.cjs <.jsii> [--ephemeral-like TYPE]...');
  process.exit(2);
}
const types = JSON.parse(fs.readFileSync(manifestFile, 'utf8')).types;
const META = new Set(['count', 'forEach', 'dependsOn', 'provider', 'lifecycle', 'connection', 'provisioners']);
const LINK = /registry\.terraform\.io\/providers\/([^/]+\/[^/]+)\/([^/]+)\/docs\/(resources|data-sources)\/[^#\s]+#([a-z0-9_]+)/;
const TYPE_LINK = /registry\.terraform\.io\/providers\/([^/]+\/[^/]+)\/([^/]+)\/docs\/(resources|data-sources)\/[a-z0-9_]+ ([a-z0-9_]+)\}/;

// The block interface a property's type names, if any (a block, or a list or set of blocks).
function blockFqn(type) {
  if (!type) return null;
  if (type.fqn && types[type.fqn] && types[type.fqn].kind === 'interface' && !type.fqn.startsWith('cdktf.')) return type.fqn;
  if (type.collection) return blockFqn(type.collection.elementtype);
  if (type.union) for (const t of type.union.types) { const f = blockFqn(t); if (f) return f; }
  return null;
}

function properties(fqn) {
  const t = types[fqn];
  const own = t.properties || [];
  return [...own, ...(t.interfaces || []).filter((i) => types[i]).flatMap(properties)];
}

function schemaOf(fqn, seen = new Set()) {
  const out = {};
  if (seen.has(fqn)) return out;
  seen.add(fqn);
  for (const p of properties(fqn)) {
    if (META.has(p.name)) continue;
    const link = LINK.exec(`${(p.docs || {}).remarks || ''} ${(p.docs || {}).summary || ''}`);
    if (!link) throw new Error(`${fqn}.${p.name}: no Terraform Registry link to take its name from`);
    const nested = blockFqn(p.type);
    out[link[4]] = nested ? schemaOf(nested, new Set(seen)) : 1;
  }
  return out;
}

const schema = { provider: '', resource: {}, data: {}, ephemeral: {} };
for (const [fqn, t] of Object.entries(types)) {
  if (t.kind !== 'class' || !/TerraformResource|TerraformDataSource/.test(t.base || '')) continue;
  const link = TYPE_LINK.exec((t.docs || {}).summary || '');
  if (!link) continue;
  const config = ((t.initializer || {}).parameters || []).find((p) => p.name === 'config');
  if (!config) continue;
  schema.provider = `${link[1]} ${link[2]}`;
  schema[link[3] === 'resources' ? 'resource' : 'data'][link[4]] = schemaOf(config.type.fqn);
  void fqn;
}
for (let i = 0; i < options.length; i++) {
  if (options[i] !== '--ephemeral-like') throw new Error(`unknown option ${options[i]}`);
  const type = options[++i];
  const { keepers, ...args } = schema.resource[type] || {};
  if (!schema.resource[type]) throw new Error(`--ephemeral-like ${type}: no such resource`);
  void keepers;
  schema.ephemeral[type] = args;
}
process.stdout.write(`${JSON.stringify(schema)}\n`);
