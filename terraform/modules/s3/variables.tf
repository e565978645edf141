variable "bucket_name" {
  description = "Globally unique name of the image bucket (S3_BUCKET_NAME)."
  type        = string
}

variable "object_prefix" {
  description = "Key prefix the services write images under; the lifecycle rule and the IAM policies are scoped to it."
  type        = string
  default     = "persona-generations"
}

variable "infrequent_access_after_days" {
  description = "Days after which images move to STANDARD_IA (older personas are viewed rarely)."
  type        = number
  default     = 90
}

variable "noncurrent_version_expiry_days" {
  description = "Days a replaced or deleted object version is kept before it is removed."
  type        = number
  default     = 30
}
