output "repository_urls" {
  description = "Repository URL per service name (<account>.dkr.ecr.<region>.amazonaws.com/<prefix>/<service>)."
  value       = { for name, repo in aws_ecr_repository.this : name => repo.repository_url }
}

output "repository_arns" {
  description = "Repository ARN per service name (for the CI deploy role's push permissions)."
  value       = { for name, repo in aws_ecr_repository.this : name => repo.arn }
}
