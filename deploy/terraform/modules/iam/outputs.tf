output "backup_role_arn" {
  description = "The backup service account's role (MOTEL_BACKUP_ROLE_ARN in the overlay's environment.env)."
  value       = aws_iam_role.this["backup"].arn
}

output "external_secrets_role_arn" {
  description = "The External Secrets Operator's role (annotate its service account with it)."
  value       = aws_iam_role.this["external-secrets"].arn
}

output "deploy_role_arn" {
  description = "The deployment workflow's role (the GitHub environment's variable AWS_DEPLOY_ROLE_ARN)."
  value       = aws_iam_role.deploy.arn
}
