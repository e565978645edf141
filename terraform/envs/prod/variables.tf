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
  description = "GitHub repository (owner/name) whose deploy job may assume the deploy role through OIDC."
  type        = string
}

variable "github_environment" {
  description = "GitHub environment of the deploy job (.github/workflows/deploy.yml `environment:`), managed here: only main may deploy to it."
  type        = string
  default     = "production"
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

variable "public_base_url" {
  description = "Public base URL of the web page and API (https://<host name of certificate_arn>); the sign-in redirect URI."
  type        = string
}

variable "oidc_issuer_uri" {
  description = "External OpenID issuer for sign-in (PERSONA_OIDC_ISSUER_URI); empty = create a Cognito user pool, hosted UI and public PKCE client."
  type        = string
  default     = ""
}

variable "oidc_client_id" {
  description = "Client id of the web page at the external issuer (oidc_issuer_uri set); a public client with authorization code + PKCE."
  type        = string
  default     = "persona-web"
}

variable "oidc_audience" {
  description = "PERSONA_OIDC_AUDIENCE: audience the gateway requires in access tokens; empty = not checked (Cognito access tokens carry client_id, not aud)."
  type        = string
  default     = ""
}

variable "cognito_self_sign_up" {
  description = "Let anyone create an account on the Cognito hosted UI. Each account has its own daily quota and vote, so one person can multiply both (docs/deploy.md); false: accounts are made with aws cognito-idp admin-create-user."
  type        = bool
  default     = false
}

variable "cognito_domain_prefix" {
  description = "Hosted UI domain prefix of the Cognito user pool (globally unique per region); empty = var.name."
  type        = string
  default     = ""
}

variable "anonymous_models" {
  description = "PERSONA_ANONYMOUS_MODELS: image models callers without an account may use (comma separated)."
  type        = string
  default     = "local"
}

variable "free_models" {
  description = "PERSONA_FREE_MODELS: image models that count against no quota (comma separated)."
  type        = string
  default     = "local"
}

variable "daily_quota" {
  description = "PERSONA_DAILY_QUOTA: requests with a paid model per principal per UTC day."
  type        = number
  default     = 25
}

variable "daily_budget" {
  description = "PERSONA_DAILY_BUDGET: requests with a paid model of everybody together per UTC day."
  type        = number
  default     = 1000
}

variable "admins" {
  description = "PERSONA_ADMINS: principal ids (user:<token sub> or key:<name>) that may delete any image (comma separated); empty = none."
  type        = string
  default     = ""
}
