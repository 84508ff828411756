variable "bucket_name" {
  description = "The bucket's name (MOTEL_BACKUP_BUCKET in the overlay's environment.env), globally unique."
  type        = string
}

variable "infrequent_access_after_days" {
  description = "Days after which a daily backup moves to S3 Standard-IA."
  type        = number
  default     = 30
}

variable "glacier_after_days" {
  description = "Days after which a daily backup moves to Glacier Instant Retrieval (still restorable at once)."
  type        = number
  default     = 90
}

variable "daily_retention_days" {
  description = "Days a daily backup is kept."
  type        = number
  default     = 400
}

variable "pre_migration_retention_days" {
  description = "Days the backup taken before each migration is kept."
  type        = number
  default     = 90
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
