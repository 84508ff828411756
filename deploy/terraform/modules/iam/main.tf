# IAM roles for the cluster's service accounts (IAM Roles for Service Accounts), each allowed only what its pods do:
#   backup           motel-backup (the backup CronJob, the migration Job): put objects under daily/ and pre-migration/
#                    of the backup bucket, with its KMS key; no read, no delete (the lifecycle rules expire them).
#   external-secrets the External Secrets Operator: read the motel/* secrets, nothing else.
# The API and the worker call no AWS API: their service account (motel) has no role.
# And the deployment workflow's role (.github/workflows/cd-*.yml), assumed with GitHub's OIDC token by the one
# repository and GitHub environment only: it may describe the cluster (aws eks update-kubeconfig), and its access
# entry maps it to the Kubernetes group motel-deploy, which deploy/k8s/overlays/<env>/cluster/access.yaml lets edit
# the app's namespace and query Prometheus through the service proxy, nothing else.

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
    actions   = ["s3:PutObject", "s3:AbortMultipartUpload"]
    resources = ["${var.backup_bucket_arn}/daily/*", "${var.backup_bucket_arn}/pre-migration/*"]
  }
  # A dump over 8 MB goes up in parts (aws s3 cp): with SSE-KMS, completing a multipart upload needs kms:Decrypt too.
  statement {
    sid       = "EncryptBackups"
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
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

# GitHub Actions' OIDC provider: one per AWS account (import it if the account has one already:
# terraform import module.iam.aws_iam_openid_connect_provider.github <its ARN>). IAM trusts GitHub's certificate
# authority by itself now; the thumbprint is kept because the provider's argument wants one.
data "tls_certificate" "github" {
  url = "https://token.actions.githubusercontent.com/.well-known/openid-configuration"
}

resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = [data.tls_certificate.github.certificates[0].sha1_fingerprint]
  tags            = var.tags
}

data "aws_iam_policy_document" "deploy_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    # Only jobs of this repository that run in this GitHub environment (with its required reviewers).
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${var.github_repository}:environment:${var.github_environment}"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name                 = "${var.name}-deploy"
  description          = "GitHub Actions (${var.github_repository}, environment ${var.github_environment}): deploys to the cluster"
  assume_role_policy   = data.aws_iam_policy_document.deploy_assume.json
  max_session_duration = 14400 # the production job asks for 3 hours
  tags                 = var.tags
}

data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "FindTheCluster"
    actions   = ["eks:DescribeCluster"]
    resources = [var.cluster_arn]
  }
}

resource "aws_iam_role_policy" "deploy" {
  name   = "deploy"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}

resource "aws_eks_access_entry" "deploy" {
  cluster_name      = var.cluster_name
  principal_arn     = aws_iam_role.deploy.arn
  kubernetes_groups = [var.deploy_kubernetes_group]
  type              = "STANDARD"
  tags              = var.tags
}
