#!/usr/bin/env node
// docker-compose.yml against the upstream compose-spec JSON schema (deploy/schemas/compose-spec.json, draft-07),
// with ajv's API: every error is reported, formats are checked (ajv-formats), unknown keywords are tolerated.
// Usage: check-compose-schema.cjs <compose-spec.json> <docker-compose.yml>
'use strict';
const fs = require('fs');
const yaml = require('js-yaml');
const Ajv = require('ajv');
const addFormats = require('ajv-formats');

const [, , schemaFile, composeFile] = process.argv;
if (!schemaFile || !composeFile) {
  console.error('usage: check-compose-schema.cjs <compose-spec.json> <docker-compose.yml>');
  process.exit(2);
}
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
if (validate(yaml.load(fs.readFileSync(composeFile, 'utf8')))) {
  console.log(`${composeFile} valid`);
} else {
  for (const e of validate.errors) {
    const extra = e.params && e.params.additionalProperty ? ` "${e.params.additionalProperty}"` : '';
    console.log(`${composeFile}: ${e.instancePath || '/'} ${e.message}${extra}`);
  }
  process.exit(1);
}
