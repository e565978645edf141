variable "region" {
  description = "AWS region of the whole environment."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Name prefix of every resource (cluster, roles, log groups, repositories)."
  type        = string
  default     = "persona-composer"
}

variable "az_count" {
  description = "Availability zones to spread the VPC over (2 or 3)."
  type        = number
  default     = 2
}

variable "single_nat_gateway" {
  description = "Share one NAT gateway between the AZs (cheaper, less available)."
  type        = bool
  default     = false
}

variable "certificate_arn" {
  description = "ACM certificate ARN for the ALB's HTTPS listener (public host name of the API)."
  type        = string
}

variable "bucket_name" {
  description = "Globally unique name of the private image bucket."
  type        = string
}

variable "image_tag" {
  description = "Image tag (a commit SHA pushed by the deploy workflow) of the first task definition revisions. Later deploys are done by the workflow; Terraform ignores the running revision."
  type        = string
}

variable "github_repository" {
  description = "GitHub repository (owner/name) whose main-branch workflow may assume the deploy role through OIDC."
  type        = string
}

variable "create_github_oidc_provider" {
  description = "Create the account's GitHub Actions OIDC identity provider (false if the account already has one)."
  type        = bool
  default     = true
}

variable "default_image_model" {
  description = "PERSONA_DEFAULT_MODEL: image model used when a request names none (openjourney, dall-e or local)."
  type        = string
  default     = "dall-e"

  validation {
    condition     = contains(["openjourney", "dall-e", "local"], var.default_image_model)
    error_message = "default_image_model must be openjourney, dall-e or local."
  }
}

variable "openai_enabled" {
  description = "Create and inject the OPENAI_API_KEY secret (image-service and motto-service); false = offline image renderer and motto composer."
  type        = bool
  default     = true
}

variable "replicate_enabled" {
  description = "Create and inject the REPLICATE_API_TOKEN secret (image-service, OpenJourney)."
  type        = bool
  default     = true
}

variable "openai_image_model" {
  description = "OPENAI_IMAGE_MODEL for image-service."
  type        = string
  default     = "dall-e-3"
}

variable "openai_image_size" {
  description = "OPENAI_IMAGE_SIZE for image-service."
  type        = string
  default     = "1024x1024"
}

variable "openai_chat_model" {
  description = "OPENAI_CHAT_MODEL for motto-service."
  type        = string
  default     = "gpt-4o-mini"
}

variable "storage_allowed_image_hosts" {
  description = "STORAGE_ALLOWED_IMAGE_HOSTS: extra host[:port] entries storage-service may download images from (comma separated; empty = built-in list only)."
  type        = string
  default     = ""
}

variable "mongodb_provider" {
  description = "Where MongoDB lives: documentdb (created here) or atlas (MongoDB Atlas, managed outside this configuration; put its URI in the MONGODB_URI secret and connect it with PrivateLink or VPC peering)."
  type        = string
  default     = "documentdb"

  validation {
    condition     = contains(["documentdb", "atlas"], var.mongodb_provider)
    error_message = "mongodb_provider must be documentdb or atlas."
  }
}

variable "mongodb_database" {
  description = "MONGODB_DB: database name of persona-service."
  type        = string
  default     = "personas"
}

variable "docdb_instance_class" {
  description = "DocumentDB instance class (mongodb_provider = documentdb)."
  type        = string
  default     = "db.t4g.medium"
}

variable "docdb_instance_count" {
  description = "DocumentDB instances (1 writer + replicas)."
  type        = number
  default     = 2
}

variable "log_retention_days" {
  description = "CloudWatch Logs retention of the service log groups."
  type        = number
  default     = 30
}

variable "task_sizes" {
  description = "Fargate CPU units and memory (MiB) per service."
  type = map(object({
    cpu    = number
    memory = number
  }))
  default = {
    gateway-service = { cpu = 512, memory = 1024 }
    persona-service = { cpu = 512, memory = 1024 }
    image-service   = { cpu = 512, memory = 1024 }
    motto-service   = { cpu = 256, memory = 768 }
    storage-service = { cpu = 512, memory = 1024 }
  }
}

variable "worker_autoscaling" {
  description = "CPU target-tracking autoscaling of the Kafka workers (persona, image, motto, storage). Keep max_capacity at or below the topic partition count: extra consumers would sit idle."
  type = object({
    min_capacity       = number
    max_capacity       = number
    cpu_target_percent = number
  })
  default = {
    min_capacity       = 2
    max_capacity       = 6
    cpu_target_percent = 60
  }
}

variable "gateway_desired_count" {
  description = "Number of gateway tasks behind the ALB."
  type        = number
  default     = 2
}
