variable "name" {
  description = "Prefix of the roles' names, e.g. motel-production."
  type        = string
}

variable "namespace" {
  description = "The Kubernetes namespace the application runs in (motel-production, as the overlay sets it)."
  type        = string
}

variable "oidc_provider_arn" {
  description = "The cluster's OIDC provider (eks module)."
  type        = string
}

variable "oidc_issuer" {
  description = "The cluster's OIDC issuer without its scheme (eks module)."
  type        = string
}

variable "backup_bucket_arn" {
  description = "The backup bucket (s3-backups module)."
  type        = string
}

variable "backup_kms_key_arn" {
  description = "The backup bucket's KMS key (s3-backups module)."
  type        = string
}

variable "secret_arns" {
  description = "The secrets the External Secrets Operator may read (secrets module)."
  type        = list(string)
}

variable "secrets_kms_key_arn" {
  description = "The KMS key the secrets are encrypted with (secrets module)."
  type        = string
}

variable "external_secrets_namespace" {
  description = "Namespace of the External Secrets Operator."
  type        = string
  default     = "external-secrets"
}

variable "external_secrets_service_account" {
  description = "Service account of the External Secrets Operator."
  type        = string
  default     = "external-secrets"
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
