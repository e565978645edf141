variable "name" {
  description = "Service name (also the container name and its Service Connect DNS name), e.g. persona-service."
  type        = string
}

variable "name_prefix" {
  description = "Prefix for the task family, IAM roles, security group and log group."
  type        = string
}

variable "image" {
  description = "Container image URI with tag. Only used for the first revision: later revisions come from the deploy workflow."
  type        = string
}

variable "container_port" {
  description = "Port the service's HTTP API listens on (never /actuator)."
  type        = number
}

variable "management_port" {
  description = "Port of /actuator (MANAGEMENT_SERVER_PORT): the container health check's, and the ALB target health check's for the gateway."
  type        = number
  default     = 9080
}

variable "liveness_path" {
  description = "Path of the container health check: the liveness group only (no Kafka, MongoDB or S3 in it)."
  type        = string
  default     = "/actuator/health/liveness"
}

variable "cpu" {
  description = "Fargate task CPU units (256 = 0.25 vCPU)."
  type        = number
  default     = 512
}

variable "memory" {
  description = "Fargate task memory in MiB; the JVM takes 75 % of it as heap."
  type        = number
  default     = 1024
}

variable "cpu_architecture" {
  description = "Task CPU architecture: X86_64 or ARM64 (the image must be built for it)."
  type        = string
  default     = "X86_64"
}

variable "desired_count" {
  description = "Initial number of tasks (autoscaling takes over when it is enabled)."
  type        = number
  default     = 2
}

variable "environment" {
  description = "Plain (non-secret) environment variables of the container."
  type        = map(string)
  default     = {}
}

variable "secrets" {
  description = "Secret environment variables: name => Secrets Manager secret ARN. The execution role may read exactly these."
  type        = map(string)
  default     = {}
}

variable "secrets_kms_key_arn" {
  description = "KMS key that encrypts the secrets (the execution role may decrypt through Secrets Manager only)."
  type        = string
  default     = null
}

variable "task_role_policy_json" {
  description = "IAM policy document (JSON) of the task role: the service's own least-privilege permissions."
  type        = string
}

variable "cluster_arn" {
  description = "ARN of the ECS cluster."
  type        = string
}

variable "cluster_name" {
  description = "Name of the ECS cluster (for the autoscaling resource id)."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the task security group."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets the tasks run in."
  type        = list(string)
}

variable "service_connect_namespace_arn" {
  description = "Service Connect namespace ARN."
  type        = string
}

variable "service_connect_server" {
  description = "Publish this service in Service Connect as <name>:<container_port> (true for services other services call)."
  type        = bool
  default     = false
}

variable "target_group_arn" {
  description = "ALB target group to register the tasks in (the gateway only); null for internal services."
  type        = string
  default     = null
}

variable "autoscaling" {
  description = "CPU target-tracking autoscaling (min/max tasks, target CPU %); null for a fixed desired_count."
  type = object({
    min_capacity       = number
    max_capacity       = number
    cpu_target_percent = number
  })
  default = null
}

variable "log_retention_days" {
  description = "CloudWatch Logs retention of the service's log group."
  type        = number
  default     = 30
}
