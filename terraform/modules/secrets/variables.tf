variable "name_prefix" {
  description = "Secrets are named <prefix>/<ENV_NAME>."
  type        = string
}

variable "secrets" {
  description = "Secrets to create: environment variable name => description of the value an operator must put."
  type        = map(string)
}

variable "recovery_window_in_days" {
  description = "Days a deleted secret can still be restored."
  type        = number
  default     = 7
}

variable "generated_secrets" {
  description = "Secrets whose value Terraform generates (48 random letters and digits, never in plan or state): environment variable name => description."
  type        = map(string)
  default     = {}
}

variable "generated_secrets_version" {
  description = "Version of the generated values: raising it writes new ones (services read them when their tasks restart)."
  type        = number
  default     = 1
}
