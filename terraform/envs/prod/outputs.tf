output "api_url" {
  description = "Public base URL of the API (point your DNS name, matching the certificate, at alb_dns_name)."
  value       = "https://${module.alb.dns_name}"
}

output "alb_dns_name" {
  description = "DNS name of the ALB (target of the public host name's alias/CNAME record)."
  value       = module.alb.dns_name
}

output "alb_zone_id" {
  description = "Route 53 zone id of the ALB for an alias record."
  value       = module.alb.zone_id
}

output "ecs_cluster_name" {
  description = "ECS cluster name (repository variable ECS_CLUSTER of the deploy workflow)."
  value       = module.cluster.cluster_name
}

output "ecr_repository_urls" {
  description = "ECR repository URL per service."
  value       = module.ecr.repository_urls
}

output "task_definition_families" {
  description = "Task definition family per service (the deploy workflow registers revisions in them)."
  value       = { for name, svc in module.service : name => svc.task_definition_family }
}

output "deploy_role_arn" {
  description = "IAM role the GitHub deploy workflow assumes via OIDC (repository variable AWS_DEPLOY_ROLE_ARN)."
  value       = aws_iam_role.deploy.arn
}

output "image_bucket_name" {
  description = "Name of the private image bucket."
  value       = module.s3.bucket_name
}

output "kafka_bootstrap_servers" {
  description = "MSK Serverless SASL/IAM bootstrap servers."
  value       = module.msk.bootstrap_brokers_sasl_iam
}

output "secret_arns" {
  description = "Secrets Manager ARN per secret environment variable; put the values with aws secretsmanager put-secret-value."
  value       = module.secrets.secret_arns
}

output "docdb_endpoint" {
  description = "DocumentDB cluster endpoint (null when mongodb_provider = atlas)."
  value       = var.mongodb_provider == "documentdb" ? module.docdb[0].endpoint : null
}

output "log_groups" {
  description = "CloudWatch log group per service."
  value       = { for name, svc in module.service : name => svc.log_group_name }
}

output "oidc_issuer_uri" {
  description = "OpenID issuer the gateway accepts tokens from (Cognito's unless oidc_issuer_uri was given)."
  value       = local.oidc_issuer_uri
}

output "cognito_hosted_ui_url" {
  description = "Cognito hosted sign-in pages (null with an external issuer)."
  value       = one(module.cognito[*].hosted_ui_url)
}

output "cognito_user_pool_id" {
  description = "Cognito user pool (null with an external issuer): create accounts with aws cognito-idp admin-create-user --user-pool-id (docs/deploy.md)."
  value       = one(module.cognito[*].user_pool_id)
}
