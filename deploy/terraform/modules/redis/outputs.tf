output "primary_endpoint" {
  description = "The primary's host name (SPRING_DATA_REDIS_HOST, with SPRING_DATA_REDIS_SSL_ENABLED=true)."
  value       = aws_elasticache_replication_group.this.primary_endpoint_address
}

output "port" {
  description = "Redis's port (SPRING_DATA_REDIS_PORT)."
  value       = aws_elasticache_replication_group.this.port
}

output "security_group_id" {
  description = "Redis's security group."
  value       = aws_security_group.this.id
}
