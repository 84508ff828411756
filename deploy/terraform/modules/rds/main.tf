# PostgreSQL 15, the system of record: Multi-AZ (a standby in another zone, failover in a minute or two), encrypted at
# rest with its own KMS key, TLS required, automated backups kept for backup_retention_days (point-in-time recovery),
# deletion protection, and a final snapshot if it is ever deleted. The nightly logical backups (motel-admin backup
# create, the CronJob) go to S3 besides (s3-backups module).

resource "aws_kms_key" "this" {
  description         = "${var.name}: PostgreSQL storage and snapshots"
  enable_key_rotation = true
  tags                = var.tags
}

resource "aws_db_subnet_group" "this" {
  name       = var.name
  subnet_ids = var.subnet_ids
  tags       = var.tags
}

resource "aws_security_group" "this" {
  name        = "${var.name}-postgres"
  description = "PostgreSQL: from the cluster's nodes only"
  vpc_id      = var.vpc_id
  tags        = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "from_clients" {
  # count, not for_each: the groups' ids are known only after apply, their number before.
  count                        = length(var.client_security_group_ids)
  security_group_id            = aws_security_group.this.id
  referenced_security_group_id = var.client_security_group_ids[count.index]
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "PostgreSQL from the application"
}

resource "aws_db_parameter_group" "this" {
  name   = "${var.name}-postgres15"
  family = "postgres15"
  tags   = var.tags

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }

  # Statements slower than this are logged (docs/performance.md has the query budget).
  parameter {
    name  = "log_min_duration_statement"
    value = "500"
  }

  # The API's replicas, the worker and motel-admin stay under it (docs/performance.md, "Database, pool and HTTP").
  parameter {
    name         = "max_connections"
    value        = "200"
    apply_method = "pending-reboot"
  }
}

resource "aws_db_instance" "this" {
  identifier     = var.name
  engine         = "postgres"
  engine_version = var.engine_version
  instance_class = var.instance_class

  allocated_storage     = var.allocated_storage_gb
  max_allocated_storage = var.max_allocated_storage_gb
  storage_type          = "gp3"
  storage_encrypted     = true
  kms_key_id            = aws_kms_key.this.arn

  db_name  = var.database_name
  username = var.username
  password = var.password
  port     = 5432

  multi_az               = true
  db_subnet_group_name   = aws_db_subnet_group.this.name
  vpc_security_group_ids = [aws_security_group.this.id]
  publicly_accessible    = false
  parameter_group_name   = aws_db_parameter_group.this.name

  backup_retention_period  = var.backup_retention_days
  backup_window            = "02:00-03:00"
  maintenance_window       = "sun:04:00-sun:05:00"
  copy_tags_to_snapshot    = true
  delete_automated_backups = false

  deletion_protection       = true
  skip_final_snapshot       = false
  final_snapshot_identifier = "${var.name}-final"

  auto_minor_version_upgrade      = true
  performance_insights_enabled    = true
  performance_insights_kms_key_id = aws_kms_key.this.arn
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]

  tags = var.tags
}
