terraform {
  # use_lockfile (S3-native state locking) needs Terraform 1.10 or later, write-only arguments (the generated
  # secrets) 1.11.
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.25"
    }
    # The deploy environment and the OIDC subject of the repository (deploy_role.tf); token from GITHUB_TOKEN.
    github = {
      source  = "integrations/github"
      version = "~> 6.9"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7, >= 3.7.1"
    }
  }

  # Remote state in S3 with S3-native locking (no DynamoDB table). The bucket and region are given at
  # init time so no account-specific name is committed:
  #   terraform init -backend-config=backend.hcl   (see backend.hcl.example)
  backend "s3" {
    key          = "persona-composer/prod/terraform.tfstate"
    encrypt      = true
    use_lockfile = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "persona-composer"
      Environment = "prod"
      ManagedBy   = "terraform"
    }
  }
}

provider "github" {
  owner = local.github_owner
}
