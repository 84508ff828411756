variable "name" {
  description = "Identifier of the database instance and prefix of its parts, e.g. motel-production."
  type        = string
}

variable "vpc_id" {
  description = "The VPC (network module)."
  type        = string
}

variable "subnet_ids" {
  description = "Database subnets in at least two zones (network module)."
  type        = list(string)
}

variable "client_security_group_ids" {
  description = "Security groups allowed to connect on 5432: the cluster's nodes."
  type        = list(string)
}

variable "engine_version" {
  description = "PostgreSQL version (15: what the project tests on)."
  type        = string
  default     = "15.12"
}

variable "instance_class" {
  description = "Instance class."
  type        = string
  default     = "db.m6g.large"
}

variable "allocated_storage_gb" {
  description = "Initial storage in GiB."
  type        = number
  default     = 50
}

variable "max_allocated_storage_gb" {
  description = "Storage autoscaling ceiling in GiB."
  type        = number
  default     = 500
}

variable "database_name" {
  description = "The database the application uses (SPRING_DATASOURCE_URL)."
  type        = string
  default     = "motel"
}

variable "username" {
  description = "The application's database user (SPRING_DATASOURCE_USERNAME)."
  type        = string
  default     = "motel"
}

variable "password" {
  description = "The user's password (the secrets module generates it and keeps it in Secrets Manager as motel/database-password)."
  type        = string
  sensitive   = true
}

variable "backup_retention_days" {
  description = "Days of automated snapshots and point-in-time recovery (1 to 35)."
  type        = number
  default     = 14

  validation {
    condition     = var.backup_retention_days >= 7 && var.backup_retention_days <= 35
    error_message = "Keep at least a week of automated backups (and at most 35 days, RDS's limit)."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
