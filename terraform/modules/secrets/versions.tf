terraform {
  # Write-only arguments (secret_string_wo) need Terraform 1.11 or later.
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.25"
    }
    random = {
      source  = "hashicorp/random"
      version = ">= 3.7.1" # ephemeral random_password
    }
  }
}
