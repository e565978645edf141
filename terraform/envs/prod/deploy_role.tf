# The deploy workflow (.github/workflows/deploy.yml) authenticates with GitHub's OIDC token: no AWS key
# is stored anywhere. Only the deploy job of var.github_repository may assume this role, and only from main:
#   - the GitHub environment var.github_environment, which the deploy job runs in, admits main only (GitHub refuses
#     to start a job of another branch in it);
#   - the repository's OIDC subject names the job's workflow file and ref besides the environment,
#     repo:OWNER/REPO:environment:NAME:job_workflow_ref:OWNER/REPO/.github/workflows/deploy.yml@refs/heads/main,
#     and the role trusts exactly that subject: a job of another branch or another workflow is refused by STS even
#     if it got into the environment.
# The role may only push to the five repositories, roll the five services to new task definition revisions and pass
# their own two roles to ECS tasks.

locals {
  deploy_branch   = "main"
  deploy_workflow = ".github/workflows/deploy.yml"
  github_owner    = split("/", var.github_repository)[0]
  github_name     = split("/", var.github_repository)[1]
  # The subject GitHub gives the deploy job's token under the claim template below.
  deploy_subject = "repo:${var.github_repository}:environment:${var.github_environment}:job_workflow_ref:${var.github_repository}/${local.deploy_workflow}@refs/heads/${local.deploy_branch}"
}

resource "github_repository_environment" "deploy" {
  repository  = local.github_name
  environment = var.github_environment

  deployment_branch_policy {
    protected_branches     = false
    custom_branch_policies = true
  }
}

resource "github_repository_environment_deployment_policy" "deploy_branch" {
  repository     = local.github_name
  environment    = github_repository_environment.deploy.environment
  branch_pattern = local.deploy_branch
}

# Every OIDC token of the repository's jobs gets this subject shape (no other workflow here uses OIDC).
resource "github_actions_repository_oidc_subject_claim_customization_template" "deploy" {
  repository         = local.github_name
  use_default        = false
  include_claim_keys = ["repo", "context", "job_workflow_ref"]
}

resource "aws_iam_openid_connect_provider" "github" {
  count = var.create_github_oidc_provider ? 1 : 0

  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_openid_connect_provider" "github" {
  count = var.create_github_oidc_provider ? 0 : 1

  url = "https://token.actions.githubusercontent.com"
}

locals {
  github_oidc_provider_arn = var.create_github_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn : data.aws_iam_openid_connect_provider.github[0].arn
}

data "aws_iam_policy_document" "deploy_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [local.github_oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = [local.deploy_subject]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name                 = "${var.name}-github-deploy"
  assume_role_policy   = data.aws_iam_policy_document.deploy_assume.json
  max_session_duration = 3600
}

data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPush"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = values(module.ecr.repository_arns)
  }

  # Describe/Register do not support resource-level permissions.
  statement {
    sid       = "TaskDefinitions"
    actions   = ["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid     = "RollServices"
    actions = ["ecs:UpdateService", "ecs:DescribeServices"]
    resources = [
      for name in keys(local.services) :
      "arn:${data.aws_partition.current.partition}:ecs:${var.region}:${data.aws_caller_identity.current.account_id}:service/${module.cluster.cluster_name}/${name}"
    ]
  }

  statement {
    sid       = "PassOnlyServiceRoles"
    actions   = ["iam:PassRole"]
    resources = flatten([for svc in module.service : [svc.task_role_arn, svc.execution_role_arn]])
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "deploy" {
  name   = "deploy-persona-composer"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}
