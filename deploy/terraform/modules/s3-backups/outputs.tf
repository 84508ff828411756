output "bucket_name" {
  description = "The bucket's name (MOTEL_BACKUP_BUCKET)."
  value       = aws_s3_bucket.this.id
}

output "bucket_arn" {
  description = "The bucket's ARN, for the backup role's policy."
  value       = aws_s3_bucket.this.arn
}

output "kms_key_arn" {
  description = "The key the backups are encrypted with, for the backup role's policy."
  value       = aws_kms_key.this.arn
}
