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
