# Secret containers only: Terraform never sees a secret value (it would land in the state file).
# Values are put once with `aws secretsmanager put-secret-value` (docs/deploy.md) and injected into the
# containers as ECS `secrets`; each service's execution role may read exactly the ARNs it is given.

resource "aws_kms_key" "this" {
  description             = "Secrets Manager encryption for ${var.name_prefix}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name_prefix}-secrets"
  target_key_id = aws_kms_key.this.key_id
}

resource "aws_secretsmanager_secret" "this" {
  for_each = var.secrets

  name                    = "${var.name_prefix}/${each.key}"
  description             = each.value
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = var.recovery_window_in_days
}
