variable "name" {
  description = "Name prefix for the VPC and everything in it."
  type        = string
}

variable "region" {
  description = "AWS region of the VPC (used for the S3 gateway endpoint's service name)."
  type        = string
}

variable "cidr_block" {
  description = "IPv4 CIDR of the VPC; public subnets take /24s from its start, private subnets /20s after them."
  type        = string
  default     = "10.40.0.0/16"
}

variable "az_count" {
  description = "Number of availability zones to spread subnets over (at least 2: MSK Serverless, DocumentDB and the ALB need two)."
  type        = number
  default     = 2

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3."
  }
}

variable "single_nat_gateway" {
  description = "One shared NAT gateway instead of one per AZ: cheaper, but an AZ outage cuts outbound traffic for the others."
  type        = bool
  default     = false
}

variable "flow_log_retention_days" {
  description = "Retention of the VPC flow logs (rejected traffic only) in CloudWatch; 0 turns flow logs off."
  type        = number
  default     = 30
}
