variable "name" {
  description = "The cluster's name, e.g. motel-production."
  type        = string
}

variable "kubernetes_version" {
  description = "The Kubernetes minor version of the control plane and the nodes."
  type        = string
  default     = "1.32"
}

variable "private_subnet_ids" {
  description = "Private subnets for the control plane's interfaces and the nodes (network module)."
  type        = list(string)
}

variable "public_access_cidrs" {
  description = "Addresses allowed to reach the API server from outside the VPC (the CI runners, the operators); empty for a private endpoint only."
  type        = list(string)
  default     = []
}

variable "node_instance_types" {
  description = "Instance types of the managed node group."
  type        = list(string)
  default     = ["m6i.large"]
}

variable "node_min_size" {
  description = "Fewest nodes (at least one per zone for the API's topology spread)."
  type        = number
  default     = 3
}

variable "node_desired_size" {
  description = "Nodes at creation; the cluster autoscaler moves it afterwards."
  type        = number
  default     = 3
}

variable "node_max_size" {
  description = "Most nodes."
  type        = number
  default     = 6
}

variable "log_retention_days" {
  description = "Days the control plane's logs (api, audit, authenticator) are kept."
  type        = number
  default     = 90
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
