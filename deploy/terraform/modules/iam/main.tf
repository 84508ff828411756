# IAM roles for the cluster's service accounts (IAM Roles for Service Accounts), each allowed only what its pods do:
#   backup           motel-backup (the backup CronJob, the migration Job): put objects under daily/ and pre-migration/
#                    of the backup bucket, with its KMS key; no read, no delete (the lifecycle rules expire them).
#   external-secrets the External Secrets Operator: read the motel/* secrets, nothing else.
# The API and the worker call no AWS API: their service account (motel) has no role.

locals {
  oidc_subject  = "${var.oidc_issuer}:sub"
  oidc_audience = "${var.oidc_issuer}:aud"
}

data "aws_iam_policy_document" "backup_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = local.oidc_subject
      values   = ["system:serviceaccount:${var.namespace}:motel-backup"]
    }
    condition {
      test     = "StringEquals"
      variable = local.oidc_audience
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "backup" {
  name               = "${var.name}-backup"
  description        = "motel-backup service account: writes backups to the bucket"
  assume_role_policy = data.aws_iam_policy_document.backup_assume.json
  tags               = var.tags
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

resource "aws_iam_role_policy" "backup" {
  name   = "write-backups"
  role   = aws_iam_role.backup.id
  policy = data.aws_iam_policy_document.backup.json
}

data "aws_iam_policy_document" "external_secrets_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [var.oidc_provider_arn]
    }
    condition {
      test     = "StringEquals"
      variable = local.oidc_subject
      values   = ["system:serviceaccount:${var.external_secrets_namespace}:${var.external_secrets_service_account}"]
    }
    condition {
      test     = "StringEquals"
      variable = local.oidc_audience
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "external_secrets" {
  name               = "${var.name}-external-secrets"
  description        = "External Secrets Operator: reads the motel/* secrets"
  assume_role_policy = data.aws_iam_policy_document.external_secrets_assume.json
  tags               = var.tags
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

resource "aws_iam_role_policy" "external_secrets" {
  name   = "read-motel-secrets"
  role   = aws_iam_role.external_secrets.id
  policy = data.aws_iam_policy_document.external_secrets.json
}
