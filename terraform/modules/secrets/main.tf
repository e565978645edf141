# Secret containers. Values of var.secrets are put once with `aws secretsmanager put-secret-value` (docs/deploy.md):
# Terraform never sees them (they would land in the state file). Values of var.generated_secrets are made here by an
# ephemeral random password and written through a write-only argument, so they are in neither plan nor state.
# Everything is injected into the containers as ECS `secrets`; each service's execution role may read exactly the
# ARNs it is given.

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
  for_each = merge(var.secrets, var.generated_secrets)

  name                    = "${var.name_prefix}/${each.key}"
  description             = each.value
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = var.recovery_window_in_days
}

ephemeral "random_password" "generated" {
  for_each = var.generated_secrets

  length  = 48
  special = false
}

# Written once per generated_secrets_version: a new version number rotates every generated secret.
resource "aws_secretsmanager_secret_version" "generated" {
  for_each = var.generated_secrets

  secret_id                = aws_secretsmanager_secret.this[each.key].id
  secret_string_wo         = ephemeral.random_password.generated[each.key].result
  secret_string_wo_version = var.generated_secrets_version
}
