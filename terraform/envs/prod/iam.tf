# One least-privilege task role per service: Kafka topics/groups it really uses, and S3 only for the
# two services that touch images (storage writes, persona reads to presign). Nobody else gets any S3.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  kafka_arn_base = "arn:${data.aws_partition.current.partition}:kafka:${var.region}:${data.aws_caller_identity.current.account_id}"
  kafka_topic    = "${local.kafka_arn_base}:topic/${module.msk.cluster_name}/${module.msk.cluster_uuid}"
  kafka_group    = "${local.kafka_arn_base}:group/${module.msk.cluster_name}/${module.msk.cluster_uuid}"

  # Who reads and writes which topic under which consumer group: the applications of the AsyncAPI document
  # (common-events/src/main/resources/asyncapi.yaml). deploy/validate fails when this map and the document
  # disagree, and simulates the policies below against it. "<topic>-dlt" is a consumed topic's dead-letter topic.
  kafka_access = {
    gateway-service = {
      read   = ["persona.completed", "persona.failed", "persona.canceled"]
      write  = ["persona.requested"]
      groups = ["gateway-service-*"] # one group per gateway instance: every instance hears every finish
    }
    persona-service = {
      read   = ["persona.requested", "persona.image.stored", "persona.image.skipped", "persona.motto.generated", "persona.failed", "persona.webhook.updated"]
      write  = ["persona.requested", "persona.completed", "persona.failed", "persona.canceled", "persona.requested-dlt", "persona.image.stored-dlt", "persona.image.skipped-dlt", "persona.motto.generated-dlt", "persona.failed-dlt", "persona.webhook.updated-dlt"]
      groups = ["persona-service"]
    }
    image-service = {
      read   = ["persona.requested", "persona.canceled"]
      write  = ["persona.image.generated", "persona.image.skipped", "persona.failed", "persona.requested-dlt"]
      groups = ["image-service", "image-service-*"] # one group per instance hears every cancel
    }
    motto-service = {
      read   = ["persona.requested", "persona.canceled"]
      write  = ["persona.motto.generated", "persona.failed", "persona.requested-dlt"]
      groups = ["motto-service", "motto-service-*"] # one group per instance hears every cancel
    }
    storage-service = {
      read   = ["persona.image.generated", "persona.canceled"]
      write  = ["persona.image.stored", "persona.failed", "persona.image.generated-dlt"]
      groups = ["storage-service", "storage-service-*"] # one group per instance hears every cancel
    }
    webhook-service = {
      read   = ["persona.completed", "persona.failed", "persona.canceled"]
      write  = ["persona.webhook.updated", "persona.completed-dlt", "persona.failed-dlt", "persona.canceled-dlt"]
      groups = ["webhook-service"]
    }
  }
}

data "aws_iam_policy_document" "task" {
  for_each = local.kafka_access

  statement {
    sid = "KafkaCluster"
    actions = [
      "kafka-cluster:Connect",
      "kafka-cluster:DescribeCluster",
      "kafka-cluster:WriteDataIdempotently",
    ]
    resources = [module.msk.cluster_arn]
  }

  # Every service declares the pipeline topics at start-up (KafkaAdmin NewTopics): describe/create only.
  statement {
    sid       = "KafkaDeclareTopics"
    actions   = ["kafka-cluster:DescribeTopic", "kafka-cluster:CreateTopic"]
    resources = ["${local.kafka_topic}/persona.*"]
  }

  dynamic "statement" {
    for_each = length(each.value.read) > 0 ? [1] : []
    content {
      sid       = "KafkaConsume"
      actions   = ["kafka-cluster:ReadData"]
      resources = [for topic in each.value.read : "${local.kafka_topic}/${topic}"]
    }
  }

  dynamic "statement" {
    for_each = length(each.value.write) > 0 ? [1] : []
    content {
      sid       = "KafkaProduce"
      actions   = ["kafka-cluster:WriteData"]
      resources = [for topic in each.value.write : "${local.kafka_topic}/${topic}"]
    }
  }

  dynamic "statement" {
    for_each = length(each.value.groups) > 0 ? [1] : []
    content {
      sid       = "KafkaConsumerGroups"
      actions   = ["kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup"]
      resources = [for group in each.value.groups : "${local.kafka_group}/${group}"]
    }
  }

  # storage-service: put images and thumbnails under the prefix, encrypted with the bucket key; read and list them
  # to back-fill thumbnails of images stored before thumbnails existed.
  dynamic "statement" {
    for_each = each.key == "storage-service" ? [1] : []
    content {
      sid       = "S3PutImages"
      actions   = ["s3:PutObject", "s3:GetObject"]
      resources = [module.s3.object_prefix_arn]
    }
  }

  dynamic "statement" {
    for_each = each.key == "storage-service" ? [1] : []
    content {
      sid       = "S3ListImages"
      actions   = ["s3:ListBucket"]
      resources = [module.s3.bucket_arn]
      condition {
        test     = "StringLike"
        variable = "s3:prefix"
        values   = ["${module.s3.object_prefix}/*"]
      }
    }
  }

  # persona-service: presigned GETs are authorised with its role (GetObject); deleting an image removes its
  # original and thumbnail (DeleteObject).
  dynamic "statement" {
    for_each = each.key == "persona-service" ? [1] : []
    content {
      sid       = "S3ReadAndDeleteImages"
      actions   = ["s3:GetObject", "s3:DeleteObject"]
      resources = [module.s3.object_prefix_arn]
    }
  }

  dynamic "statement" {
    for_each = contains(["storage-service", "persona-service"], each.key) ? [1] : []
    content {
      sid       = "BucketKeyViaS3"
      actions   = each.key == "storage-service" ? ["kms:GenerateDataKey", "kms:Decrypt"] : ["kms:Decrypt"]
      resources = [module.s3.kms_key_arn]
      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["s3.${var.region}.amazonaws.com"]
      }
    }
  }
}
