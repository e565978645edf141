variable "name" {
  description = "Name of the MSK Serverless cluster."
  type        = string
}

variable "vpc_id" {
  description = "VPC of the cluster's security group."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets (at least two AZs) for the cluster's endpoints."
  type        = list(string)
}

variable "client_security_group_ids" {
  description = "Security groups allowed to connect (SASL/IAM, port 9098), keyed by a label such as the service name."
  type        = map(string)
}
