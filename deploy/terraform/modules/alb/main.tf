# The public entry: an Application Load Balancer in the public subnets that ends TLS (an ACM certificate), redirects
# HTTP to HTTPS, and forwards to the cluster's ingress controller (ingress-nginx, exposed on a fixed NodePort of every
# node); the Ingress in deploy/k8s routes from there to the API. Only the ALB reaches that NodePort.

resource "aws_security_group" "alb" {
  name        = "${var.name}-alb"
  description = "The public load balancer: HTTPS and HTTP (redirected) from anywhere"
  vpc_id      = var.vpc_id
  tags        = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.alb.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  description       = "HTTPS"
}

resource "aws_vpc_security_group_ingress_rule" "http" {
  security_group_id = aws_security_group.alb.id
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
  description       = "HTTP, redirected to HTTPS"
}

resource "aws_vpc_security_group_egress_rule" "to_ingress" {
  security_group_id            = aws_security_group.alb.id
  referenced_security_group_id = var.node_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = var.ingress_node_port
  to_port                      = var.ingress_node_port
  description                  = "To the ingress controller's NodePort"
}

resource "aws_vpc_security_group_ingress_rule" "nodes_from_alb" {
  security_group_id            = var.node_security_group_id
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = var.ingress_node_port
  to_port                      = var.ingress_node_port
  description                  = "The ingress controller's NodePort from the load balancer"
}

resource "aws_lb" "this" {
  name                       = var.name
  load_balancer_type         = "application"
  internal                   = false
  subnets                    = var.public_subnet_ids
  security_groups            = [aws_security_group.alb.id]
  drop_invalid_header_fields = true
  enable_deletion_protection = true
  idle_timeout               = 60
  tags                       = var.tags
}

resource "aws_lb_target_group" "ingress" {
  name                 = "${var.name}-ingress"
  port                 = var.ingress_node_port
  protocol             = "HTTP"
  target_type          = "instance"
  vpc_id               = var.vpc_id
  deregistration_delay = 30

  # ingress-nginx answers /healthz on its HTTP port while it can route.
  health_check {
    path                = "/healthz"
    matcher             = "200"
    interval            = 10
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = var.tags
}

resource "aws_autoscaling_attachment" "nodes" {
  # A count given as a variable: the groups' names are known only after the node group exists.
  count                  = var.node_group_count
  autoscaling_group_name = var.node_autoscaling_group_names[count.index]
  lb_target_group_arn    = aws_lb_target_group.ingress.arn
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ingress.arn
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
