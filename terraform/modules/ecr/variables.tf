variable "name_prefix" {
  description = "Repository name prefix; repositories are named <prefix>/<service>."
  type        = string
}

variable "repository_names" {
  description = "Service names, one repository each."
  type        = list(string)
}

variable "keep_image_count" {
  description = "How many of the most recent images each repository keeps."
  type        = number
  default     = 30
}

variable "untagged_expiry_days" {
  description = "Days after which untagged images are deleted."
  type        = number
  default     = 7
}
