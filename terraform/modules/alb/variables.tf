variable "name" {
  description = "Name of the load balancer (at most 32 characters)."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the load balancer and its target group."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets (two or more AZs) for the load balancer."
  type        = list(string)
}

variable "certificate_arn" {
  description = "ACM certificate (same region) for the HTTPS listener."
  type        = string
}

variable "target_port" {
  description = "Container port of the gateway."
  type        = number
  default     = 8080
}

variable "target_security_group_id" {
  description = "Security group of the gateway tasks (the only egress target of the ALB)."
  type        = string
}

variable "health_check_port" {
  description = "Port of the target health check: the gateway's management port (MANAGEMENT_SERVER_PORT), never the traffic port."
  type        = number
  default     = 9080
}

variable "health_check_path" {
  description = "Target health check path on the gateway's management port: its readiness group (the load balancer sends traffic only to tasks that can serve it). The ALB probes the targets directly, so the /actuator rule of the listener does not apply to it."
  type        = string
  default     = "/actuator/health/readiness"
}

variable "deletion_protection" {
  description = "Protect the load balancer from deletion."
  type        = bool
  default     = true
}
