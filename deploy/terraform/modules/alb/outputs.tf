output "dns_name" {
  description = "The load balancer's DNS name: point the public host name at it (an alias record)."
  value       = aws_lb.this.dns_name
}

output "zone_id" {
  description = "The load balancer's hosted zone, for an alias record."
  value       = aws_lb.this.zone_id
}

output "arn" {
  description = "The load balancer's ARN."
  value       = aws_lb.this.arn
}
