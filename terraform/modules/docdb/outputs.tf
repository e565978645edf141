output "endpoint" {
  description = "Cluster (writer) endpoint host name."
  value       = aws_docdb_cluster.this.endpoint
}

output "port" {
  description = "Port of the cluster."
  value       = aws_docdb_cluster.this.port
}

output "security_group_id" {
  description = "Security group of the cluster."
  value       = aws_security_group.this.id
}
