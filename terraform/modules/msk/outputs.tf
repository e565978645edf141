output "cluster_arn" {
  description = "ARN of the MSK Serverless cluster (arn:...:cluster/<name>/<uuid>)."
  value       = aws_msk_serverless_cluster.this.arn
}

output "cluster_name" {
  description = "Name of the cluster (part of topic and group ARNs)."
  value       = aws_msk_serverless_cluster.this.cluster_name
}

output "cluster_uuid" {
  description = "UUID of the cluster (part of topic and group ARNs)."
  value       = split("/", aws_msk_serverless_cluster.this.arn)[2]
}

output "bootstrap_brokers_sasl_iam" {
  description = "Bootstrap servers for SASL/IAM clients (SPRING_KAFKA_BOOTSTRAP_SERVERS)."
  value       = data.aws_msk_bootstrap_brokers.this.bootstrap_brokers_sasl_iam
}

output "security_group_id" {
  description = "Security group of the cluster endpoints."
  value       = aws_security_group.this.id
}
