# The production environment on AWS: the network, an EKS cluster for the API and the worker (deployed with
# deploy/k8s/overlays/production), PostgreSQL (RDS, Multi-AZ), Redis (ElastiCache), the backup bucket, the public load
# balancer, the roles of the cluster's service accounts and the application's secrets. deploy/terraform/README.md.

locals {
  name      = "motel-${var.environment}"
  namespace = "motel-${var.environment}"
}

module "network" {
  source             = "../../modules/network"
  name               = local.name
  cidr_block         = var.vpc_cidr_block
  zone_count         = var.zone_count
  single_nat_gateway = false
}

module "eks" {
  source              = "../../modules/eks"
  name                = local.name
  kubernetes_version  = var.kubernetes_version
  private_subnet_ids  = module.network.private_subnet_ids
  public_access_cidrs = var.cluster_public_access_cidrs
  node_instance_types = var.node_instance_types
  node_min_size       = var.zone_count
  node_desired_size   = var.zone_count
  node_max_size       = var.node_max_size
}

module "secrets" {
  source = "../../modules/secrets"
  name   = local.name
}

module "rds" {
  source                    = "../../modules/rds"
  name                      = local.name
  vpc_id                    = module.network.vpc_id
  subnet_ids                = module.network.database_subnet_ids
  client_security_group_ids = [module.eks.cluster_security_group_id]
  instance_class            = var.database_instance_class
  password                  = module.secrets.database_password
  backup_retention_days     = var.database_backup_retention_days
}

module "redis" {
  source                    = "../../modules/redis"
  name                      = local.name
  vpc_id                    = module.network.vpc_id
  subnet_ids                = module.network.database_subnet_ids
  client_security_group_ids = [module.eks.cluster_security_group_id]
  node_type                 = var.redis_node_type
  auth_token                = module.secrets.redis_auth_token
}

module "backups" {
  source      = "../../modules/s3-backups"
  bucket_name = var.backup_bucket_name
}

module "alb" {
  source                       = "../../modules/alb"
  name                         = local.name
  vpc_id                       = module.network.vpc_id
  public_subnet_ids            = module.network.public_subnet_ids
  certificate_arn              = var.certificate_arn
  node_security_group_id       = module.eks.cluster_security_group_id
  node_autoscaling_group_names = module.eks.node_autoscaling_group_names
  node_group_count             = 1
}

module "iam" {
  source              = "../../modules/iam"
  name                = local.name
  namespace           = local.namespace
  oidc_provider_arn   = module.eks.oidc_provider_arn
  oidc_issuer         = module.eks.oidc_issuer
  backup_bucket_arn   = module.backups.bucket_arn
  backup_kms_key_arn  = module.backups.kms_key_arn
  secret_arns         = module.secrets.secret_arns
  secrets_kms_key_arn = module.secrets.kms_key_arn
  cluster_name        = module.eks.cluster_name
  cluster_arn         = module.eks.cluster_arn
  github_repository   = var.github_repository
  github_environment  = var.environment
}
