output "bucket_name" {
  description = "Name of the image bucket."
  value       = aws_s3_bucket.this.id
}

output "bucket_arn" {
  description = "ARN of the image bucket."
  value       = aws_s3_bucket.this.arn
}

output "object_prefix_arn" {
  description = "ARN pattern of the objects under the image prefix (for the task role policies)."
  value       = "${aws_s3_bucket.this.arn}/${var.object_prefix}/*"
}

output "kms_key_arn" {
  description = "KMS key encrypting the bucket (writers need GenerateDataKey, readers Decrypt, via S3 only)."
  value       = aws_kms_key.this.arn
}

output "object_prefix" {
  description = "The key prefix the images live under (for ListBucket conditions)."
  value       = var.object_prefix
}
