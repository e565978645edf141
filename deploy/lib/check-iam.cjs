#!/usr/bin/env node
// Offline IAM simulation of the policies Terraform would create (terraform/envs/prod rendered with example
// values by terraform-eval.cjs), evaluated by a real policy engine (@cloud-copilot/iam-simulate):
//   - each task role may do exactly what its service needs: the Kafka topics, dead-letter topics and consumer
//     groups of its AsyncAPI application (and the Terraform map must equal the document), S3 on the image prefix
//     for the two services that touch images, and is denied a list of things it must not do;
//   - each execution role may read its own service's secrets and no other secret;
//   - the deploy role's trust admits the OIDC subject the workflow's deploy job really presents (under the
//     repository's claim template, github_actions_repository_oidc_subject_claim_customization_template) and refuses
//     the deploy workflow on another branch, another workflow, a pull request, a job without or in another
//     environment and another repository; GitHub's deploy environment (github_repository_environment and its
//     deployment policies) admits main only; its iam:PassRole reaches only this system's task and execution roles,
//     and only for ECS tasks.
// The trust policy's token.actions.githubusercontent.com:sub/aud conditions are evaluated here (StringEquals /
// StringLike), because iam-simulate 0.1.173 does not know those context keys (see docs/deploy.md).
// Usage: check-iam.cjs <repository root>
'use strict';
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const { runSimulation } = require('@cloud-copilot/iam-simulate');
const { SERVICES, loadTerraform, loadAsyncApi } = require('./deployment-model.cjs');
const { ACCOUNT } = require('./terraform-eval.cjs');

// AWS managed policy AmazonECSTaskExecutionRolePolicy (attached to every execution role).
const ECS_TASK_EXECUTION_ROLE_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: [
        'ecr:GetAuthorizationToken',
        'ecr:BatchCheckLayerAvailability',
        'ecr:GetDownloadUrlForLayer',
        'ecr:BatchGetImage',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
      ],
      Resource: '*',
    },
  ],
};

const findings = [];
let checked = 0;

// A KMS key without a policy argument gets AWS's default key policy, which leaves access to IAM policies.
const DEFAULT_KMS_KEY_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
  ],
};

async function expectDecision(what, principal, policies, action, resource, context, allowed) {
  const simulation = {
    request: { principal, action, resource: { resource, accountId: ACCOUNT }, contextVariables: context || {} },
    identityPolicies: policies.map((policy, i) => ({ name: `policy${i}`, policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
  };
  if (action.startsWith('kms:')) simulation.resourcePolicy = DEFAULT_KMS_KEY_POLICY;
  const result = await runSimulation(simulation, {});
  checked++;
  if (result.resultType === 'error') {
    findings.push(`${what}: simulation error for ${action} on ${resource}: ${JSON.stringify(result.errors).slice(0, 400)}`);
    return;
  }
  const isAllowed = result.overallResult === 'Allowed';
  if (isAllowed !== allowed) {
    findings.push(`${what}: ${action} on ${resource} is ${result.overallResult}, must be ${allowed ? 'Allowed' : 'denied'}`);
  }
}

const sameSet = (a, b) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

async function main() {
  const root = path.resolve(process.argv[2] || '.');
  const tf = await loadTerraform(root);
  const apps = loadAsyncApi(root);
  const local = tf.ref('local');
  const data = tf.ref('data');
  const kafkaAccess = local.__get('kafka_access');
  const topicArn = (t) => `${local.__get('kafka_topic')}/${t}`;
  const groupArn = (g) => `${local.__get('kafka_group')}/${g}`;
  const msk = tf.ref('module').__get('msk');
  const s3 = tf.ref('module').__get('s3');
  const bucketArn = s3.__get('bucket_arn');
  const services = tf.ref('module').__get('service');
  const secretArns = tf.ref('module').__get('secrets').__get('secret_arns');
  const region = tf.vars.region;

  const allTopics = new Set();
  for (const app of Object.values(apps)) {
    app.sends.forEach((t) => allTopics.add(t));
    app.receives.forEach((_, t) => allTopics.add(t));
  }
  const groupOf = (app, topic) => {
    const g = app.receives.get(topic);
    return g.group !== undefined ? g.group : `${g.groupPrefix}*`;
  };
  const exampleGroup = (g) => (g.endsWith('*') ? `${g.slice(0, -1)}0b7e3f52-5a1c-4c41-9e0f-6f1d2a3b4c5d` : g);

  // ---- the Terraform Kafka map is the AsyncAPI document's
  for (const service of SERVICES) {
    const app = apps[service];
    const access = kafkaAccess[service];
    if (!app) {
      findings.push(`asyncapi.yaml: no application (operations tagged ${service})`);
      continue;
    }
    if (!access) {
      findings.push(`terraform: kafka_access has no entry for ${service}`);
      continue;
    }
    const reads = [...app.receives.keys()];
    const groups = [...new Set(reads.map((t) => groupOf(app, t)))];
    if (!sameSet(access.read, reads)) findings.push(`terraform: ${service} reads [${access.read}], asyncapi.yaml says [${reads}]`);
    if (!sameSet(access.write, [...app.sends])) findings.push(`terraform: ${service} writes [${access.write}], asyncapi.yaml says [${[...app.sends]}]`);
    if (!sameSet(access.groups, groups)) findings.push(`terraform: ${service} groups [${access.groups}], asyncapi.yaml says [${groups}]`);
  }

  // ---- task roles
  const objectKey = `${bucketArn}/persona-generations/ab/3f0e6a2c-0000-4000-8000-000000000000.png`;
  const taskPolicies = data.__get('aws_iam_policy_document').__get('task');
  for (const service of SERVICES) {
    const app = apps[service];
    if (!app || !taskPolicies[service]) continue;
    const policy = JSON.parse(taskPolicies[service].__get('json'));
    const principal = `arn:aws:iam::${ACCOUNT}:role/${tf.vars.name}-${service}-task`;
    const what = `task role ${service}`;
    const ok = (action, resource, context) => expectDecision(what, principal, [policy], action, resource, context, true);
    const no = (action, resource, context) => expectDecision(what, principal, [policy], action, resource, context, false);

    await ok('kafka-cluster:Connect', msk.__get('cluster_arn'));
    await ok('kafka-cluster:DescribeCluster', msk.__get('cluster_arn'));
    for (const topic of allTopics) {
      const reads = app.receives.has(topic);
      const writes = app.sends.has(topic);
      await (reads ? ok : no)('kafka-cluster:ReadData', topicArn(topic));
      await (writes ? ok : no)('kafka-cluster:WriteData', topicArn(topic));
      if (reads) await ok('kafka-cluster:DescribeTopic', topicArn(topic));
      await no('kafka-cluster:DeleteTopic', topicArn(topic));
      await no('kafka-cluster:AlterTopic', topicArn(topic));
    }
    const ownGroups = new Set([...app.receives.keys()].map((t) => groupOf(app, t)));
    for (const g of ownGroups) {
      await ok('kafka-cluster:DescribeGroup', groupArn(exampleGroup(g)));
      await ok('kafka-cluster:AlterGroup', groupArn(exampleGroup(g)));
    }
    for (const other of SERVICES.filter((s) => s !== service && apps[s])) {
      for (const t of apps[other].receives.keys()) {
        const g = groupOf(apps[other], t);
        if (!ownGroups.has(g)) await no('kafka-cluster:AlterGroup', groupArn(exampleGroup(g)));
      }
    }
    await no('kafka-cluster:AlterCluster', msk.__get('cluster_arn'));

    const kms = { 'kms:ViaService': `s3.${region}.amazonaws.com` };
    await (service === 'storage-service' ? ok : no)('s3:PutObject', objectKey);
    await (['persona-service', 'storage-service'].includes(service) ? ok : no)('s3:GetObject', objectKey);
    await (service === 'persona-service' ? ok : no)('s3:DeleteObject', objectKey);
    await (service === 'storage-service' ? ok : no)('s3:ListBucket', bucketArn, { 's3:prefix': 'persona-generations/ab/' });
    await no('s3:ListBucket', bucketArn, { 's3:prefix': 'other-prefix/' });
    await (service === 'storage-service' ? ok : no)('kms:GenerateDataKey', s3.__get('kms_key_arn'), kms);
    await no('s3:GetObject', `${bucketArn}/other-prefix/secret.txt`);
    await no('s3:PutObject', `${bucketArn}/other-prefix/x.png`);
    await no('s3:DeleteObject', `${bucketArn}/other-prefix/x.png`);
    await no('s3:DeleteBucket', bucketArn);
    await no('s3:PutBucketPolicy', bucketArn);
    await no('kms:Decrypt', s3.__get('kms_key_arn'), { 'kms:ViaService': `ec2.${region}.amazonaws.com` });
    for (const arn of Object.values(secretArns)) await no('secretsmanager:GetSecretValue', arn);
    await no('iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/${tf.vars.name}-${service}-task`, { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' });
    await no('iam:CreateUser', `arn:aws:iam::${ACCOUNT}:user/intruder`);
    await no('iam:AttachRolePolicy', principal);
    await no('sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/${tf.vars.name}-github-deploy`);
  }

  // ---- execution roles: own secrets only
  for (const [service, svc] of Object.entries(services)) {
    const mod = svc.__instance;
    const own = mod.vars.secrets;
    const docs = mod.ref('data').__get('aws_iam_policy_document').__get('execution_secrets');
    const policies = [ECS_TASK_EXECUTION_ROLE_POLICY, ...docs.map((d) => JSON.parse(d.__get('json')))];
    const principal = `arn:aws:iam::${ACCOUNT}:role/${tf.vars.name}-${service}-execution`;
    const what = `execution role ${service}`;
    for (const [name, arn] of Object.entries(secretArns)) {
      const mine = Object.values(own).includes(arn);
      await expectDecision(`${what} (${name})`, principal, policies, 'secretsmanager:GetSecretValue', arn, {}, mine);
    }
    await expectDecision(what, principal, policies, 'secretsmanager:GetSecretValue',
      `arn:aws:secretsmanager:${region}:${ACCOUNT}:secret:someone-else/API_KEY-AbCdEf`, {}, false);
    await expectDecision(what, principal, policies, 'ecr:BatchGetImage',
      `arn:aws:ecr:${region}:${ACCOUNT}:repository/${tf.vars.name}/${service}`, {}, true);
  }

  // ---- deploy role: trust. Jobs as GitHub would run them: the environment's branch policy decides whether a job
  // may enter the deploy environment at all, the repository's claim template what subject its token has, and the
  // trust policy whether STS admits that subject. The deploy job must get through; a job of another branch must be
  // refused by the environment AND by STS (each on its own), and every other kind of job by STS.
  const repo = tf.vars.github_repository;
  const github = githubSide(root, tf);
  const trust = JSON.parse(data.__get('aws_iam_policy_document').__get('deploy_assume').__get('json'));
  const deployJob = github.deployJob;
  const other = (changes) => ({ ...deployJob, ...changes });
  const jobCases = [
    [`the deploy job (${deployJob.workflow} on ${deployJob.ref} in environment ${deployJob.environment})`, deployJob, true, true],
    [`the deploy workflow on another branch in environment ${deployJob.environment}`, other({ ref: 'refs/heads/feature-x' }), false, false],
    [`another workflow on ${deployJob.ref} in environment ${deployJob.environment}`, other({ workflow: '.github/workflows/other.yml' }), true, false],
    ['a pull request', other({ environment: null, event: 'pull_request', ref: 'refs/pull/7/merge' }), true, false],
    [`a job on ${deployJob.ref} without an environment`, other({ environment: null }), true, false],
    ['a job in another environment', other({ environment: 'staging' }), true, false],
    ['a job of another repository', other({ repo: 'someone-else/persona-composer' }), true, false],
  ];
  for (const [label, job, githubMayAdmit, stsMustAdmit] of jobCases) {
    checked++;
    const sub = github.subject(job);
    const entersEnvironment = job.repo !== repo || github.environmentAdmits(job);
    if (stsMustAdmit && !entersEnvironment) findings.push(`GitHub environment ${job.environment}: ${label} may not run in it, must be allowed`);
    if (!githubMayAdmit && entersEnvironment) findings.push(`GitHub environment ${job.environment}: ${label} may run in it (its branch policy must allow ${github.deployBranch} only)`);
    const admitted = trustAdmits(trust, sub, 'sts.amazonaws.com');
    if (admitted !== stsMustAdmit) {
      findings.push(`deploy role trust: ${label}, subject ${sub}: ${admitted ? 'admitted' : 'refused'}, must be ${stsMustAdmit ? 'admitted' : 'refused'}`);
    }
  }
  checked++;
  if (trustAdmits(trust, github.subject(deployJob), 'https://example.com')) findings.push('deploy role trust: another audience: admitted, must be refused');
  const deployPolicy = JSON.parse(data.__get('aws_iam_policy_document').__get('deploy').__get('json'));
  const deployPrincipal = `arn:aws:iam::${ACCOUNT}:role/${tf.vars.name}-github-deploy`;
  const dep = (action, resource, context, allowed) =>
    expectDecision('deploy role', deployPrincipal, [deployPolicy], action, resource, context, allowed);
  const ecs = { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' };
  for (const svc of Object.values(services)) {
    await dep('iam:PassRole', svc.__get('task_role_arn'), ecs, true);
    await dep('iam:PassRole', svc.__get('execution_role_arn'), ecs, true);
    await dep('iam:PassRole', svc.__get('task_role_arn'), { 'iam:PassedToService': 'lambda.amazonaws.com' }, false);
    await dep('iam:PassRole', svc.__get('task_role_arn'), {}, false);
  }
  await dep('iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/${tf.vars.name}-github-deploy`, ecs, false);
  await dep('iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/OrganizationAccountAccessRole`, ecs, false);
  await dep('iam:PassRole', `arn:aws:iam::${ACCOUNT}:role/other-app-task`, ecs, false);
  await dep('ecs:UpdateService', `arn:aws:ecs:${region}:${ACCOUNT}:service/${tf.vars.name}/gateway-service`, {}, true);
  await dep('ecs:UpdateService', `arn:aws:ecs:${region}:${ACCOUNT}:service/other-cluster/gateway-service`, {}, false);
  await dep('ecr:PutImage', `arn:aws:ecr:${region}:${ACCOUNT}:repository/${tf.vars.name}/gateway-service`, {}, true);
  await dep('ecr:PutImage', `arn:aws:ecr:${region}:${ACCOUNT}:repository/other/app`, {}, false);
  await dep('iam:CreateRole', `arn:aws:iam::${ACCOUNT}:role/new-admin`, {}, false);
  await dep('secretsmanager:GetSecretValue', Object.values(secretArns)[0], {}, false);
  await dep('s3:GetObject', `${bucketArn}/persona-generations/x.png`, {}, false);

  if (findings.length) {
    for (const f of findings) console.log(f);
    process.exit(1);
  }
  console.log(`${checked} IAM decisions simulated: task roles (Kafka per asyncapi.yaml, S3, denials), execution roles (own secrets only), deploy role trust (${github.subject(github.deployJob)}; GitHub environment and other jobs) and PassRole`);
}

// What GitHub does with a job, from the workflow and the Terraform of the GitHub side (deploy_role.tf):
//   deployJob: the job that assumes the deploy role, as the workflow runs it (repository, workflow file, ref,
//     environment, event);
//   subject(job): its OIDC token's subject under the repository's claim template (GitHub's default without one);
//   environmentAdmits(job): whether the environment's deployment branch policy lets the job's branch in.
function githubSide(root, tf) {
  const repo = tf.vars.github_repository;
  const workflow = '.github/workflows/deploy.yml';
  const wf = yaml.load(fs.readFileSync(path.join(root, workflow), 'utf8'));
  const [id, job] = Object.entries(wf.jobs || {}).find(([, j]) =>
    (j.steps || []).some((s) => String(s.uses || '').startsWith('aws-actions/configure-aws-credentials@'))) || [];
  if (!job) throw new Error(`${workflow}: no job uses aws-actions/configure-aws-credentials`);
  const environment = job.environment ? (typeof job.environment === 'string' ? job.environment : job.environment.name) : null;
  const branch = (((wf.on || wf.true || {}).push || {}).branches || ['main'])[0];
  const deployJob = { id, repo, workflow, ref: `refs/heads/${branch}`, environment, event: 'push' };

  const template = tf.resourceInstances('github_actions_repository_oidc_subject_claim_customization_template')
    .find((t) => t.__get('repository') === repo.split('/')[1]);
  const keys = template && template.__get('use_default') === false ? template.__get('include_claim_keys') : null;
  const context = (j) => (j.environment ? `environment:${j.environment}` : j.event === 'pull_request' ? 'pull_request' : `ref:${j.ref}`);
  const claim = (j, key) => {
    switch (key) {
      case 'repo': return `repo:${j.repo}`;
      case 'context': return context(j);
      case 'ref': return `ref:${j.ref}`;
      case 'job_workflow_ref': return `job_workflow_ref:${j.repo}/${j.workflow}@${j.ref}`;
      case 'environment': return j.environment ? `environment:${j.environment}` : null;
      default: throw new Error(`claim template key ${key} is not known to this simulation`);
    }
  };
  const subject = (j) => (keys ? keys.map((k) => claim(j, k)).filter(Boolean).join(':') : `repo:${j.repo}:${context(j)}`);

  const env = tf.resourceInstances('github_repository_environment').find((e) => e.__get('environment') === environment);
  const policy = env ? (env.body.deployment_branch_policy ? env.__get('deployment_branch_policy')[0] : null) : null;
  const patterns = tf.resourceInstances('github_repository_environment_deployment_policy')
    .filter((p) => env && p.__get('environment') === env.__get('environment') && p.body.branch_pattern !== undefined)
    .map((p) => p.__get('branch_pattern'));
  // GitHub's branch patterns are fnmatch-like: * never crosses "/", ** does.
  const matches = (pattern, name) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*').replace(/\?/g, '.')}$`).test(name);
  const environmentAdmits = (j) => {
    if (!env || j.environment !== environment) return true; // an environment not managed here restricts nothing
    if (!policy) return true;
    // protected_branches: which branches are protected is not known here, so any branch may be one.
    if (!policy.custom_branch_policies) return true;
    const branchName = j.ref.replace(/^refs\/heads\//, '');
    return j.ref.startsWith('refs/heads/') && patterns.some((p) => matches(p, branchName));
  };
  return { deployJob, deployBranch: branch, subject, environmentAdmits };
}

// StringEquals / StringLike on the token's sub and aud, as STS evaluates AssumeRoleWithWebIdentity.
function trustAdmits(trust, sub, aud) {
  const context = {
    'token.actions.githubusercontent.com:sub': sub,
    'token.actions.githubusercontent.com:aud': aud,
  };
  const like = (pattern, value) =>
    new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(value);
  return trust.Statement.some((st) => {
    if (st.Effect !== 'Allow' || !(st.Action || []).includes('sts:AssumeRoleWithWebIdentity')) return false;
    const federated = ((st.Principal || {}).Federated || []).some((p) => p.endsWith(':oidc-provider/token.actions.githubusercontent.com'));
    if (!federated) return false;
    for (const [test, conds] of Object.entries(st.Condition || {})) {
      for (const [key, values] of Object.entries(conds)) {
        const value = context[key];
        if (value === undefined) return false;
        if (test === 'StringEquals' && !values.includes(value)) return false;
        else if (test === 'StringLike' && !values.some((p) => like(p, value))) return false;
        else if (!['StringEquals', 'StringLike'].includes(test)) return false;
      }
    }
    // A role trusting GitHub without pinning the subject would admit any repository.
    return Object.values(st.Condition || {}).some((c) => 'token.actions.githubusercontent.com:sub' in c);
  });
}

main().catch((e) => {
  console.log(String(e.stack || e));
  process.exit(2);
});
