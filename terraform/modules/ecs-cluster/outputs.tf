output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = aws_ecs_cluster.this.arn
}

output "service_connect_namespace_arn" {
  description = "ARN of the Service Connect (Cloud Map HTTP) namespace."
  value       = aws_service_discovery_http_namespace.this.arn
}
