# Amazon DocumentDB (MongoDB-compatible): encrypted storage, TLS enforced, master password managed and
# rotated by Secrets Manager (never in Terraform state), deletion protection, private subnets.
# The application connects with its own user; its URI (tls=true, retryWrites=false) lives in the
# MONGODB_URI secret of the secrets module. See docs/deploy.md.

resource "aws_docdb_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
}

resource "aws_docdb_cluster_parameter_group" "this" {
  name        = "${var.name}-tls"
  family      = "docdb5.0"
  description = "TLS required, audit of authentication events"

  parameter {
    name  = "tls"
    value = "enabled"
  }

  parameter {
    name  = "audit_logs"
    value = "enabled"
  }
}

resource "aws_security_group" "this" {
  name        = "${var.name}-docdb"
  description = "DocumentDB ${var.name}: port 27017 from the persona-service tasks only"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "clients" {
  for_each = var.client_security_group_ids

  security_group_id            = aws_security_group.this.id
  description                  = "MongoDB wire protocol (TLS) from ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = 27017
  to_port                      = 27017
  referenced_security_group_id = each.value
}

resource "aws_kms_key" "this" {
  description             = "DocumentDB ${var.name} storage encryption"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_docdb_cluster" "this" {
  cluster_identifier              = var.name
  engine                          = "docdb"
  engine_version                  = var.engine_version
  master_username                 = var.master_username
  manage_master_user_password     = true
  db_subnet_group_name            = aws_docdb_subnet_group.this.name
  db_cluster_parameter_group_name = aws_docdb_cluster_parameter_group.this.name
  vpc_security_group_ids          = [aws_security_group.this.id]
  storage_encrypted               = true
  kms_key_id                      = aws_kms_key.this.arn
  deletion_protection             = true
  backup_retention_period         = var.backup_retention_days
  preferred_backup_window         = "03:00-04:00"
  skip_final_snapshot             = false
  final_snapshot_identifier       = "${var.name}-final"
  enabled_cloudwatch_logs_exports = ["audit"]
}

resource "aws_docdb_cluster_instance" "this" {
  count = var.instance_count

  identifier                 = "${var.name}-${count.index}"
  cluster_identifier         = aws_docdb_cluster.this.id
  instance_class             = var.instance_class
  auto_minor_version_upgrade = true
}
