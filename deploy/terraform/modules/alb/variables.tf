variable "name" {
  description = "The load balancer's name and prefix of its parts (at most 26 characters: the target group adds -ingress)."
  type        = string
}

variable "vpc_id" {
  description = "The VPC (network module)."
  type        = string
}

variable "public_subnet_ids" {
  description = "Public subnets in at least two zones (network module)."
  type        = list(string)
}

variable "certificate_arn" {
  description = "The ACM certificate of the public host name (MOTEL_HOST), issued in the same region."
  type        = string
}

variable "node_security_group_id" {
  description = "The security group of the cluster's nodes (eks module), opened to the ALB on the NodePort."
  type        = string
}

variable "node_autoscaling_group_names" {
  description = "The node group's Auto Scaling groups (eks module): their instances are the targets."
  type        = list(string)
}

variable "node_group_count" {
  description = "How many Auto Scaling groups node_autoscaling_group_names holds (one per managed node group)."
  type        = number
  default     = 1
}

variable "ingress_node_port" {
  description = "The NodePort the ingress controller's HTTP port is exposed on (install ingress-nginx with controller.service.nodePorts.http set to it)."
  type        = number
  default     = 30080
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
