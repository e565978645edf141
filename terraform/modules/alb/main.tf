# Internet-facing ALB in front of the gateway only: HTTPS with a TLS 1.3/1.2 policy, HTTP redirected
# to HTTPS, targets are the gateway tasks' IPs in the private subnets.

resource "aws_security_group" "this" {
  name        = "${var.name}-alb"
  description = "Public ALB ${var.name}: 80 and 443 from the internet, to the gateway tasks only"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.this.id
  description       = "HTTPS from the internet"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_ingress_rule" "http" {
  security_group_id = aws_security_group.this.id
  description       = "HTTP from the internet (redirected to HTTPS)"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "targets" {
  security_group_id            = aws_security_group.this.id
  description                  = "To the gateway tasks"
  ip_protocol                  = "tcp"
  from_port                    = var.target_port
  to_port                      = var.target_port
  referenced_security_group_id = var.target_security_group_id
}

resource "aws_vpc_security_group_egress_rule" "target_health" {
  security_group_id            = aws_security_group.this.id
  description                  = "Target health checks on the gateway tasks' management port"
  ip_protocol                  = "tcp"
  from_port                    = var.health_check_port
  to_port                      = var.health_check_port
  referenced_security_group_id = var.target_security_group_id
}

resource "aws_lb" "this" {
  name                       = var.name
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = var.public_subnet_ids
  security_groups            = [aws_security_group.this.id]
  drop_invalid_header_fields = true
  enable_deletion_protection = var.deletion_protection
  # `Prefer: wait=60` holds a request up to 60 s: the idle timeout must be longer.
  idle_timeout = 75
}

resource "aws_lb_target_group" "this" {
  name                 = "${var.name}-gw"
  port                 = var.target_port
  protocol             = "HTTP"
  target_type          = "ip"
  vpc_id               = var.vpc_id
  deregistration_delay = 30

  # On the management port: the traffic port never serves /actuator.
  health_check {
    port                = tostring(var.health_check_port)
    path                = var.health_check_path
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"
    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this.arn
  }
}

# /actuator is served on the tasks' management port only, which no listener forwards to; the listener still answers
# /actuator itself, before any forward, so no spelling of it reaches the gateway's public port from the internet.
resource "aws_lb_listener_rule" "actuator_not_public" {
  listener_arn = aws_lb_listener.https.arn
  priority     = 1

  condition {
    path_pattern {
      values = ["/actuator", "/actuator/*"]
    }
  }

  action {
    type = "fixed-response"
    fixed_response {
      content_type = "application/json"
      message_body = "{\"title\":\"Not Found\",\"status\":404}"
      status_code  = "404"
    }
  }
}
