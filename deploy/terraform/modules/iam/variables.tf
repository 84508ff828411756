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

variable "cluster_name" {
  description = "The EKS cluster the deployment role's access entry is made in (eks module)."
  type        = string
}

variable "cluster_arn" {
  description = "The EKS cluster the deployment role may describe (eks module)."
  type        = string
}

variable "github_repository" {
  description = "owner/name of the GitHub repository whose workflows deploy (the OIDC token's sub names it)."
  type        = string
}

variable "github_environment" {
  description = "The GitHub environment the deploying job runs in (staging or production)."
  type        = string
}

variable "deploy_kubernetes_group" {
  description = "The Kubernetes group the deployment role is mapped to (deploy/k8s/overlays/<env>/cluster/access.yaml)."
  type        = string
  default     = "motel-deploy"
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
