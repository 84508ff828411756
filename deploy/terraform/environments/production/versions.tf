terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
    tls = {
      source  = "hashicorp/tls"
      version = "~> 4.0"
    }
  }

  # State in S3, encrypted, locked (it holds the generated database password and Redis token): the bucket and the
  # lock table are made once by hand (docs/DEPLOYMENT_GUIDE.md, "Infrastructure"); their names come from a file kept
  # outside the repository: terraform init -backend-config=backend.hcl (backend.hcl.example shows the keys).
  backend "s3" {}
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "west-bethel-motel"
      Environment = var.environment
      ManagedBy   = "terraform"
    }
  }
}
