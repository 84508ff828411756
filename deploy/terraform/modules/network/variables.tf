variable "name" {
  description = "Name of the VPC and prefix of its parts, e.g. motel-production."
  type        = string
}

variable "cidr_block" {
  description = "The VPC's address range; public, private and database subnets are carved from it."
  type        = string
  default     = "10.20.0.0/16"
}

variable "zone_count" {
  description = "Availability zones to spread over (at least 2: RDS Multi-AZ and Redis failover need them)."
  type        = number
  default     = 3

  validation {
    condition     = var.zone_count >= 2
    error_message = "zone_count must be at least 2."
  }
}

variable "single_nat_gateway" {
  description = "One NAT gateway for every zone (cheaper) instead of one per zone (survives a zone's loss)."
  type        = bool
  default     = false
}

variable "flow_log_retention_days" {
  description = "Days the VPC flow logs are kept in CloudWatch Logs."
  type        = number
  default     = 90
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
