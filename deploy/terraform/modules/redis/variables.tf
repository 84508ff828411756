variable "name" {
  description = "Replication group id and prefix of its parts, e.g. motel-production."
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
  description = "Security groups allowed to connect on 6379: the cluster's nodes."
  type        = list(string)
}

variable "engine_version" {
  description = "Redis version (the project runs on Redis 7)."
  type        = string
  default     = "7.1"
}

variable "node_type" {
  description = "Node type."
  type        = string
  default     = "cache.m6g.large"
}

variable "replicas" {
  description = "Read replicas besides the primary; at least 1 for automatic failover across zones."
  type        = number
  default     = 1
}

variable "auth_token" {
  description = "The AUTH token (SPRING_DATA_REDIS_PASSWORD; the secrets module generates it as motel/redis-auth-token)."
  type        = string
  sensitive   = true
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
