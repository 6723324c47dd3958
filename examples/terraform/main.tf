# rds-tls-guard example: the databases of a small shop, planned with Terraform.
#
#   terraform plan -out tfplan && terraform show -json tfplan > plan.json
#   rds-tls-guard check --policy examples/policy.yml --terraform-plan examples/terraform/plan.json
#
# plan.json beside this file is that output (pretty-printed). The .tf files let the report point
# at lines: instances.tf holds the standalone databases, aurora.tf the Aurora cluster.

terraform {
  required_version = ">= 1.9"
  required_providers {
    aws    = { source = "hashicorp/aws", version = "~> 5.70" }
    random = { source = "hashicorp/random", version = "~> 3.6" }
  }
}

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { managed-by = "terraform" }
  }
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "subnet_ids" {
  type = list(string)
}

resource "aws_db_subnet_group" "shop" {
  name       = "shop"
  subnet_ids = var.subnet_ids
}
