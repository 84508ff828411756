variable "region" {
  description = "The AWS region everything is created in."
  type        = string
  default     = "us-east-1"
}

variable "environment" {
  description = "The environment's name: resources are named motel-<environment>, the Kubernetes namespace too."
  type        = string
  default     = "production"
}

variable "github_repository" {
  description = "owner/name of the GitHub repository whose workflows deploy here (GitHub environment: var.environment)."
  type        = string
}

variable "vpc_cidr_block" {
  description = "The VPC's address range."
  type        = string
  default     = "10.20.0.0/16"
}

variable "zone_count" {
  description = "Availability zones used (and the fewest cluster nodes: one per zone)."
  type        = number
  default     = 3
}

variable "kubernetes_version" {
  description = "The cluster's Kubernetes minor version."
  type        = string
  default     = "1.32"
}

variable "cluster_public_access_cidrs" {
  description = "Addresses allowed to reach the Kubernetes API from outside the VPC (the deployment workflow's runners, the operators); empty keeps it private."
  type        = list(string)
  default     = []
}

variable "node_instance_types" {
  description = "Instance types of the cluster's nodes."
  type        = list(string)
  default     = ["m6i.large"]
}

variable "node_max_size" {
  description = "Most cluster nodes."
  type        = number
  default     = 6
}

variable "database_instance_class" {
  description = "The PostgreSQL instance class."
  type        = string
  default     = "db.m6g.large"
}

variable "database_backup_retention_days" {
  description = "Days of RDS automated backups and point-in-time recovery."
  type        = number
  default     = 14
}

variable "redis_node_type" {
  description = "The ElastiCache node type."
  type        = string
  default     = "cache.m6g.large"
}

variable "backup_bucket_name" {
  description = "The backup bucket's globally unique name (MOTEL_BACKUP_BUCKET)."
  type        = string
  default     = "motel-production-backups"
}

variable "certificate_arn" {
  description = "The ACM certificate of the public host name, for the load balancer's HTTPS listener."
  type        = string
}
