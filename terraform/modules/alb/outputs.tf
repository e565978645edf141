output "dns_name" {
  description = "DNS name of the load balancer (point the public host name's alias record at it)."
  value       = aws_lb.this.dns_name
}

output "zone_id" {
  description = "Hosted zone id of the load balancer (for a Route 53 alias record)."
  value       = aws_lb.this.zone_id
}

output "target_group_arn" {
  description = "Target group the gateway service registers its tasks in."
  value       = aws_lb_target_group.this.arn

  # ECS refuses a target group that no listener uses yet: hand it out only once the listener exists.
  depends_on = [aws_lb_listener.https]
}

output "security_group_id" {
  description = "Security group of the load balancer."
  value       = aws_security_group.this.id
}
