# Persona Composer, production: six Spring Boot services on ECS Fargate in private subnets, talking
# through MSK Serverless (IAM auth) and Service Connect; DocumentDB, a private S3 bucket, Secrets Manager;
# only the gateway is reachable from the internet, through the HTTPS ALB.

locals {
  services = {
    gateway-service = { port = 8080, server = false }
    persona-service = { port = 8081, server = true } # called by the gateway (reads)
    image-service   = { port = 8082, server = true } # called by the gateway (/api/models) and storage (offline images)
    motto-service   = { port = 8083, server = false }
    storage-service = { port = 8084, server = false }
    webhook-service = { port = 8085, server = true } # called by the gateway (/api/webhooks/secret)
  }
  workers = toset(["persona-service", "image-service", "motto-service", "storage-service", "webhook-service"])
  # Every service's /actuator (MANAGEMENT_SERVER_PORT): container health checks, and the ALB's for the gateway.
  management_port = 9080

  persona_service_uri = "http://persona-service:${local.services["persona-service"].port}"
  image_service_url   = "http://image-service:${local.services["image-service"].port}"
  webhook_service_uri = "http://webhook-service:${local.services["webhook-service"].port}"

  # Secret containers; values are put by an operator (docs/deploy.md), never by Terraform.
  secret_descriptions = merge(
    {
      PERSONA_API_KEYS = "Comma-separated API keys the gateway accepts"
      MONGODB_URI      = "mongodb:// URI of persona-service's own database user (DocumentDB: tls=true&retryWrites=false)"
      # webhook-service: its own database user (injected as its MONGODB_URI), and the key its signing secrets are
      # encrypted under (base64 of 32 random bytes: openssl rand -base64 32).
      WEBHOOK_MONGODB_URI            = "mongodb:// URI of webhook-service's own database user (DocumentDB: tls=true&retryWrites=false)"
      PERSONA_WEBHOOK_ENCRYPTION_KEY = "AES-256 key (base64 of 32 random bytes) webhook-service stores the principals' signing secrets under"
    },
    var.openai_enabled ? { OPENAI_API_KEY = "OpenAI API key (image and motto generation)" } : {},
    var.replicate_enabled ? { REPLICATE_API_TOKEN = "Replicate API token (OpenJourney)" } : {},
  )
  # Made by Terraform, in neither plan nor state (modules/secrets): nobody has to choose or keep them.
  generated_secret_descriptions = {
    PERSONA_VOTER_SECRET = "Key of the HMAC that turns a voter's address into a pseudonym when sign-in is open to anyone without a principal"
  }
  secret = module.secrets.secret_arns

  # Sign-in: Cognito (created below) unless an external OpenID issuer is given.
  oidc_issuer_uri = var.oidc_issuer_uri != "" ? var.oidc_issuer_uri : one(module.cognito[*].issuer_uri)
  oidc_client_id  = var.oidc_issuer_uri != "" ? var.oidc_client_id : one(module.cognito[*].client_id)

  # DocumentDB's certificates come from the Amazon RDS CAs, which the JDK does not trust: an SSL bundle of the CA file
  # baked into the image, for the MongoDB client only (no JVM-wide trust store). For every service with a database.
  documentdb_tls = var.mongodb_provider != "documentdb" ? {} : {
    SPRING_SSL_BUNDLE_PEM_DOCUMENTDB_TRUSTSTORE_CERTIFICATE = "file:/app/certs/global-bundle.pem"
    SPRING_MONGODB_SSL_ENABLED                              = "true"
    SPRING_MONGODB_SSL_BUNDLE                               = "documentdb"
  }

  common_environment = {
    SPRING_PROFILES_ACTIVE         = "aws" # Kafka over SASL_SSL with AWS_MSK_IAM
    SPRING_KAFKA_BOOTSTRAP_SERVERS = module.msk.bootstrap_brokers_sasl_iam
  }

  environment = {
    # PERSONA_TRUSTED_PROXY_HOPS: the ALB appends the client's address to X-Forwarded-For, and the gateway's rate
    # limits count that address, not the ALB's.
    gateway-service = merge(
      {
        PERSONA_SERVICE_URI        = local.persona_service_uri
        IMAGE_SERVICE_URL          = local.image_service_url
        WEBHOOK_SERVICE_URI        = local.webhook_service_uri
        PERSONA_DEFAULT_MODEL      = var.default_image_model
        PERSONA_ANONYMOUS_MODELS   = var.anonymous_models
        PERSONA_OIDC_ISSUER_URI    = local.oidc_issuer_uri
        PERSONA_OIDC_CLIENT_ID     = local.oidc_client_id
        PERSONA_TRUSTED_PROXY_HOPS = "1"
      },
      var.oidc_audience == "" ? {} : { PERSONA_OIDC_AUDIENCE = var.oidc_audience },
      var.admins == "" ? {} : { PERSONA_ADMINS = var.admins },
    )
    # Who is an admin and which models anonymous callers may use is the gateway's decision; persona-service only
    # counts the quotas.
    persona-service = merge(
      {
        MONGODB_DB           = var.mongodb_database
        S3_BUCKET_NAME       = module.s3.bucket_name
        AWS_REGION           = var.region
        S3_PRESIGN_TTL       = "60s"
        PERSONA_FREE_MODELS  = var.free_models
        PERSONA_DAILY_QUOTA  = tostring(var.daily_quota)
        PERSONA_DAILY_BUDGET = tostring(var.daily_budget)
      },
      local.documentdb_tls,
    )
    image-service = {
      IMAGE_SERVICE_URL     = local.image_service_url
      PERSONA_DEFAULT_MODEL = var.default_image_model
      OPENAI_IMAGE_MODEL    = var.openai_image_model
      OPENAI_IMAGE_SIZE     = var.openai_image_size
    }
    motto-service = {
      OPENAI_CHAT_MODEL = var.openai_chat_model
    }
    storage-service = merge(
      {
        S3_BUCKET_NAME    = module.s3.bucket_name
        AWS_REGION        = var.region
        IMAGE_SERVICE_URL = local.image_service_url
      },
      var.storage_allowed_image_hosts == "" ? {} : { STORAGE_ALLOWED_IMAGE_HOSTS = var.storage_allowed_image_hosts },
    )
    # Reads each request's status from persona-service (the webhook body), delivers to clients' https endpoints
    # through the NAT gateways.
    webhook-service = merge(
      {
        MONGODB_DB          = var.webhook_mongodb_database
        PERSONA_SERVICE_URI = local.persona_service_uri
      },
      var.webhook_retry_delays == "" ? {} : { PERSONA_WEBHOOK_RETRY_DELAYS = var.webhook_retry_delays },
      local.documentdb_tls,
    )
  }

  secrets = {
    gateway-service = {
      PERSONA_API_KEYS     = local.secret["PERSONA_API_KEYS"]
      PERSONA_VOTER_SECRET = local.secret["PERSONA_VOTER_SECRET"]
    }
    persona-service = { MONGODB_URI = local.secret["MONGODB_URI"] }
    image-service = merge(
      var.openai_enabled ? { OPENAI_API_KEY = local.secret["OPENAI_API_KEY"] } : {},
      var.replicate_enabled ? { REPLICATE_API_TOKEN = local.secret["REPLICATE_API_TOKEN"] } : {},
    )
    motto-service   = var.openai_enabled ? { OPENAI_API_KEY = local.secret["OPENAI_API_KEY"] } : {}
    storage-service = {}
    webhook-service = {
      MONGODB_URI                    = local.secret["WEBHOOK_MONGODB_URI"]
      PERSONA_WEBHOOK_ENCRYPTION_KEY = local.secret["PERSONA_WEBHOOK_ENCRYPTION_KEY"]
    }
  }
}

module "network" {
  source = "../../modules/network"

  name               = var.name
  region             = var.region
  az_count           = var.az_count
  single_nat_gateway = var.single_nat_gateway
}

module "ecr" {
  source = "../../modules/ecr"

  name_prefix      = var.name
  repository_names = keys(local.services)
}

module "cluster" {
  source = "../../modules/ecs-cluster"

  name = var.name
}

module "secrets" {
  source = "../../modules/secrets"

  name_prefix       = var.name
  secrets           = local.secret_descriptions
  generated_secrets = local.generated_secret_descriptions
}

module "s3" {
  source = "../../modules/s3"

  bucket_name = var.bucket_name
}

module "msk" {
  source = "../../modules/msk"

  name                      = var.name
  vpc_id                    = module.network.vpc_id
  subnet_ids                = module.network.private_subnet_ids
  client_security_group_ids = { for name, svc in module.service : name => svc.security_group_id }
}

module "docdb" {
  source = "../../modules/docdb"
  count  = var.mongodb_provider == "documentdb" ? 1 : 0

  name                      = var.name
  vpc_id                    = module.network.vpc_id
  subnet_ids                = module.network.private_subnet_ids
  client_security_group_ids = {
    persona-service = module.service["persona-service"].security_group_id
    webhook-service = module.service["webhook-service"].security_group_id
  }
  instance_class            = var.docdb_instance_class
  instance_count            = var.docdb_instance_count
}

module "cognito" {
  source = "../../modules/cognito"
  count  = var.oidc_issuer_uri == "" ? 1 : 0

  name          = var.name
  domain_prefix = var.cognito_domain_prefix != "" ? var.cognito_domain_prefix : var.name
  callback_urls = ["${trimsuffix(var.public_base_url, "/")}/"]
  self_sign_up  = var.cognito_self_sign_up
}

module "alb" {
  source = "../../modules/alb"

  name                     = var.name
  vpc_id                   = module.network.vpc_id
  public_subnet_ids        = module.network.public_subnet_ids
  certificate_arn          = var.certificate_arn
  target_port              = local.services["gateway-service"].port
  health_check_port        = local.management_port
  target_security_group_id = module.service["gateway-service"].security_group_id
}

module "service" {
  source   = "../../modules/ecs-service"
  for_each = local.services

  name           = each.key
  name_prefix    = var.name
  image           = "${module.ecr.repository_urls[each.key]}:${var.image_tag}"
  container_port  = each.value.port
  management_port = local.management_port
  cpu            = var.task_sizes[each.key].cpu
  memory         = var.task_sizes[each.key].memory
  desired_count  = contains(local.workers, each.key) ? var.worker_autoscaling.min_capacity : var.gateway_desired_count
  autoscaling    = contains(local.workers, each.key) ? var.worker_autoscaling : null

  environment           = merge(local.common_environment, local.environment[each.key])
  secrets               = local.secrets[each.key]
  secrets_kms_key_arn   = module.secrets.kms_key_arn
  task_role_policy_json = data.aws_iam_policy_document.task[each.key].json

  cluster_arn                   = module.cluster.cluster_arn
  cluster_name                  = module.cluster.cluster_name
  vpc_id                        = module.network.vpc_id
  subnet_ids                    = module.network.private_subnet_ids
  service_connect_namespace_arn = module.cluster.service_connect_namespace_arn
  service_connect_server        = each.value.server
  target_group_arn              = each.key == "gateway-service" ? module.alb.target_group_arn : null
  log_retention_days            = var.log_retention_days
}

# ---- who may call whom (everything else is closed) ----
resource "aws_vpc_security_group_ingress_rule" "gateway_from_alb" {
  security_group_id            = module.service["gateway-service"].security_group_id
  description                  = "HTTP from the ALB"
  ip_protocol                  = "tcp"
  from_port                    = local.services["gateway-service"].port
  to_port                      = local.services["gateway-service"].port
  referenced_security_group_id = module.alb.security_group_id
}

# The management port is reached by the ALB's target health check only (container health checks run inside the task).
resource "aws_vpc_security_group_ingress_rule" "gateway_health_from_alb" {
  security_group_id            = module.service["gateway-service"].security_group_id
  description                  = "Target health checks from the ALB (management port)"
  ip_protocol                  = "tcp"
  from_port                    = local.management_port
  to_port                      = local.management_port
  referenced_security_group_id = module.alb.security_group_id
}

# Service Connect calls between the services: "caller > callee" = what the callee serves the caller.
locals {
  service_calls = {
    "gateway-service > persona-service" = "Reads routed by the gateway (Service Connect)"
    "gateway-service > image-service"   = "image-service API from gateway-service (Service Connect)"
    "storage-service > image-service"   = "image-service API from storage-service (Service Connect)"
    "webhook-service > persona-service" = "Request status for webhook bodies, from webhook-service (Service Connect)"
    "gateway-service > webhook-service" = "Signing secret endpoints routed by the gateway (Service Connect)"
  }
}

resource "aws_vpc_security_group_ingress_rule" "service_calls" {
  for_each = local.service_calls

  security_group_id            = module.service[split(" > ", each.key)[1]].security_group_id
  description                  = each.value
  ip_protocol                  = "tcp"
  from_port                    = local.services[split(" > ", each.key)[1]].port
  to_port                      = local.services[split(" > ", each.key)[1]].port
  referenced_security_group_id = module.service[split(" > ", each.key)[0]].security_group_id
}

moved {
  from = aws_vpc_security_group_ingress_rule.persona_from_gateway
  to   = aws_vpc_security_group_ingress_rule.service_calls["gateway-service > persona-service"]
}

moved {
  from = aws_vpc_security_group_ingress_rule.image_from_callers["gateway-service"]
  to   = aws_vpc_security_group_ingress_rule.service_calls["gateway-service > image-service"]
}

moved {
  from = aws_vpc_security_group_ingress_rule.image_from_callers["storage-service"]
  to   = aws_vpc_security_group_ingress_rule.service_calls["storage-service > image-service"]
}

moved {
  from = aws_vpc_security_group_ingress_rule.persona_from_webhook
  to   = aws_vpc_security_group_ingress_rule.service_calls["webhook-service > persona-service"]
}

moved {
  from = aws_vpc_security_group_ingress_rule.webhook_from_gateway
  to   = aws_vpc_security_group_ingress_rule.service_calls["gateway-service > webhook-service"]
}
