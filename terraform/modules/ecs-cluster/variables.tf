variable "name" {
  description = "Name of the ECS cluster and of its Service Connect namespace."
  type        = string
}

variable "container_insights" {
  description = "Container Insights level: enhanced, enabled or disabled."
  type        = string
  default     = "enabled"
}
