variable "name" {
  description = "Prefix of the KMS key's description, e.g. motel-production."
  type        = string
}

variable "prefix" {
  description = "Prefix of the secrets' names; the ExternalSecret in deploy/k8s/base/common reads motel/<name>."
  type        = string
  default     = "motel"
}

variable "recovery_window_days" {
  description = "Days a deleted secret can still be restored (7 to 30)."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
