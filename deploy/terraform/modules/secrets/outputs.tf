output "secret_arns" {
  description = "Every secret's ARN, for the External Secrets Operator's role."
  value       = [for secret in aws_secretsmanager_secret.this : secret.arn]
}

output "operator_secret_names" {
  description = "The secrets an operator must put a value in before the first deployment."
  value       = [for name in keys(local.operator_secrets) : aws_secretsmanager_secret.this[name].name]
}

output "kms_key_arn" {
  description = "The key the secrets are encrypted with."
  value       = aws_kms_key.this.arn
}

output "database_password" {
  description = "The generated PostgreSQL password (to the rds module)."
  value       = random_password.generated["database-password"].result
  sensitive   = true
}

output "redis_auth_token" {
  description = "The generated Redis AUTH token (to the redis module)."
  value       = random_password.generated["redis-auth-token"].result
  sensitive   = true
}
