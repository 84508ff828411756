# IAM roles for the cluster's service accounts (IAM Roles for Service Accounts), each allowed only what its pods do:
#   backup           motel-backup (the backup CronJob, the migration Job): put objects under daily/ and pre-migration/
#                    of the backup bucket, with its KMS key; no read, no delete (the lifecycle rules expire them).
#   external-secrets the External Secrets Operator: read the motel/* secrets, nothing else.
# The API and the worker call no AWS API: their service account (motel) has no role.

locals {
  roles = {
    backup = {
      description     = "motel-backup service account: writes backups to the bucket"
      service_account = "${var.namespace}:motel-backup"
      policy          = data.aws_iam_policy_document.backup.json
    }
    external-secrets = {
      description     = "External Secrets Operator: reads the motel/* secrets"
      service_account = "${var.external_secrets_namespace}:${var.external_secrets_service_account}"
      policy          = data.aws_iam_policy_document.external_secrets.json
    }
  }
}

# Each role is assumed only by its one service account, through the cluster's OIDC provider.
data "aws_iam_policy_document" "assume" {
  for_each = local.roles

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${var.oidc_issuer}:sub"
      values   = ["system:serviceaccount:${each.value.service_account}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${var.oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  for_each           = local.roles
  name               = "${var.name}-${each.key}"
  description        = each.value.description
  assume_role_policy = data.aws_iam_policy_document.assume[each.key].json
  tags               = var.tags
}

resource "aws_iam_role_policy" "this" {
  for_each = local.roles
  name     = each.key
  role     = aws_iam_role.this[each.key].id
  policy   = each.value.policy
}

data "aws_iam_policy_document" "backup" {
  statement {
    sid       = "WriteBackups"
    actions   = ["s3:PutObject"]
    resources = ["${var.backup_bucket_arn}/daily/*", "${var.backup_bucket_arn}/pre-migration/*"]
  }
  statement {
    sid       = "EncryptBackups"
    actions   = ["kms:GenerateDataKey", "kms:Encrypt"]
    resources = [var.backup_kms_key_arn]
  }
}

data "aws_iam_policy_document" "external_secrets" {
  statement {
    sid       = "ReadMotelSecrets"
    actions   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
    resources = var.secret_arns
  }
  statement {
    sid       = "DecryptMotelSecrets"
    actions   = ["kms:Decrypt"]
    resources = [var.secrets_kms_key_arn]
  }
}
