variable "name" {
  description = "Identifier of the DocumentDB cluster."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the cluster's security group."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets (at least two AZs)."
  type        = list(string)
}

variable "client_security_group_ids" {
  description = "Security groups allowed to connect on 27017, keyed by a label (only persona-service)."
  type        = map(string)
}

variable "engine_version" {
  description = "DocumentDB engine version (5.0 matches the docdb5.0 parameter group family)."
  type        = string
  default     = "5.0.0"
}

variable "instance_class" {
  description = "Instance class of each cluster instance."
  type        = string
  default     = "db.t4g.medium"
}

variable "instance_count" {
  description = "Number of instances (1 writer + replicas); 2 or more for a multi-AZ failover target."
  type        = number
  default     = 2
}

variable "master_username" {
  description = "Master user name; its password is generated and rotated by Secrets Manager."
  type        = string
  default     = "personaadmin"
}

variable "backup_retention_days" {
  description = "Days of automated backups."
  type        = number
  default     = 7
}
