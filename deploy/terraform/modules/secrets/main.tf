# The application's secrets in Secrets Manager, under the names the ExternalSecret in deploy/k8s/base/common reads
# (motel/<name>), encrypted with their own KMS key.
#   Generated here (Terraform must give them to RDS and ElastiCache too; they live in the encrypted state):
#     motel/database-password, motel/redis-auth-token.
#   Created empty, their values put by an operator so that they never enter the state (docs/DEPLOYMENT_GUIDE.md):
#     motel/jwt-signing-key, motel/mfa-encryption-key, motel/unsubscribe-key, motel/manage-link-key,
#     motel/audit-hmac-key (each base64 of 32 random bytes: openssl rand -base64 32), motel/smtp-username,
#     motel/smtp-password.

locals {
  operator_secrets = {
    "jwt-signing-key"    = "Signs access tokens (MOTEL_SECURITY_JWT_SIGNINGKEY)"
    "mfa-encryption-key" = "Encrypts TOTP secrets and sealed reset links (MOTEL_SECURITY_MFAENCRYPTIONKEY)"
    "unsubscribe-key"    = "Signs one-click unsubscribe links (MOTEL_NOTIFICATIONS_UNSUBSCRIBEKEY)"
    "manage-link-key"    = "Signs booking manage links (MOTEL_BOOKING_MANAGELINKKEY)"
    "audit-hmac-key"     = "Keys the audit log's hash chain (MOTEL_AUDIT_HMACKEY)"
    "smtp-username"      = "The SMTP relay's user (SPRING_MAIL_USERNAME)"
    "smtp-password"      = "The SMTP relay's password (SPRING_MAIL_PASSWORD)"
  }
  generated_secrets = {
    "database-password" = "PostgreSQL password of the application's user (SPRING_DATASOURCE_PASSWORD)"
    "redis-auth-token"  = "Redis AUTH token (SPRING_DATA_REDIS_PASSWORD)"
  }
}

resource "aws_kms_key" "this" {
  description         = "${var.name}: application secrets"
  enable_key_rotation = true
  tags                = var.tags
}

resource "aws_secretsmanager_secret" "this" {
  for_each                = merge(local.operator_secrets, local.generated_secrets)
  name                    = "${var.prefix}/${each.key}"
  description             = each.value
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = var.recovery_window_days
  tags                    = var.tags
}

# Letters and digits only: valid both as an RDS password and as an ElastiCache AUTH token (16 to 128 printable
# characters without @, " or /).
resource "random_password" "generated" {
  for_each = local.generated_secrets
  length   = 48
  special  = false
}

resource "aws_secretsmanager_secret_version" "generated" {
  for_each      = local.generated_secrets
  secret_id     = aws_secretsmanager_secret.this[each.key].id
  secret_string = random_password.generated[each.key].result
}
