output "address" {
  description = "The database's host name (SPRING_DATASOURCE_URL=jdbc:postgresql://<address>:5432/motel?sslmode=require)."
  value       = aws_db_instance.this.address
}

output "port" {
  description = "The database's port."
  value       = aws_db_instance.this.port
}

output "database_name" {
  description = "The application's database."
  value       = aws_db_instance.this.db_name
}

output "security_group_id" {
  description = "The database's security group."
  value       = aws_security_group.this.id
}
