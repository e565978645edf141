output "service_name" {
  description = "Name of the ECS service."
  value       = aws_ecs_service.this.name
}

output "task_definition_family" {
  description = "Task definition family (the deploy workflow registers new revisions in it)."
  value       = aws_ecs_task_definition.this.family
}

output "security_group_id" {
  description = "Security group of the service's tasks."
  value       = aws_security_group.this.id
}

output "task_role_arn" {
  description = "ARN of the task role (the service's own permissions)."
  value       = aws_iam_role.task.arn
}

output "execution_role_arn" {
  description = "ARN of the execution role (image pull, logs, secrets)."
  value       = aws_iam_role.execution.arn
}

output "log_group_name" {
  description = "CloudWatch log group of the service."
  value       = aws_cloudwatch_log_group.this.name
}
