# What the Kubernetes overlay needs (deploy/k8s/overlays/production/common/environment.env) and what the operators use.

output "cluster_name" {
  description = "The EKS cluster: aws eks update-kubeconfig --name <cluster_name> --region <region>."
  value       = module.eks.cluster_name
}

output "database_url" {
  description = "SPRING_DATASOURCE_URL for environment.env."
  value       = "jdbc:postgresql://${module.rds.address}:${module.rds.port}/${module.rds.database_name}?sslmode=require"
}

output "redis_host" {
  description = "SPRING_DATA_REDIS_HOST for environment.env (with SPRING_DATA_REDIS_SSL_ENABLED=true)."
  value       = module.redis.primary_endpoint
}

output "backup_bucket" {
  description = "MOTEL_BACKUP_BUCKET for environment.env."
  value       = module.backups.bucket_name
}

output "backup_role_arn" {
  description = "MOTEL_BACKUP_ROLE_ARN for environment.env."
  value       = module.iam.backup_role_arn
}

output "deploy_role_arn" {
  description = "AWS_DEPLOY_ROLE_ARN of the GitHub environment (with AWS_REGION and EKS_CLUSTER_NAME = cluster_name)."
  value       = module.iam.deploy_role_arn
}

output "external_secrets_role_arn" {
  description = "The role to annotate the External Secrets Operator's service account with."
  value       = module.iam.external_secrets_role_arn
}

output "secrets_to_fill" {
  description = "Secrets Manager entries an operator puts values in before the first deployment."
  value       = module.secrets.operator_secret_names
}

output "load_balancer_dns_name" {
  description = "Point the public host name (MOTEL_HOST) at this, with an alias record."
  value       = module.alb.dns_name
}
