#!/usr/bin/env node
// Each ECS task definition's container environment as Terraform renders it with the example values (the Terraform
// of terraform/envs/prod, evaluated by terraform-eval.cjs): {"<service>": {"environment": {NAME: value},
// "secrets": {NAME: "<Secrets Manager ARN>"}}}. system-tests start the packaged jars with it (DeployedJourneyIT).
// Usage: render-task-environments.cjs <repository root>
'use strict';
const path = require('path');
const { SERVICES, loadTerraform } = require('./deployment-model.cjs');

async function main() {
  const tf = await loadTerraform(path.resolve(process.argv[2] || '.'));
  const modules = tf.moduleInstances('service');
  const out = {};
  for (const service of SERVICES) {
    const container = modules[service].ref('local').__get('container_definition');
    out[service] = {
      environment: Object.fromEntries(container.environment.map((e) => [e.name, String(e.value)])),
      secrets: Object.fromEntries(container.secrets.map((e) => [e.name, e.valueFrom])),
    };
  }
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

main().catch((e) => {
  console.error(String(e.stack || e));
  process.exit(2);
});
