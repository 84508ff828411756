output "cluster_name" {
  description = "The cluster's name (aws eks update-kubeconfig --name ...)."
  value       = aws_eks_cluster.this.name
}

output "cluster_arn" {
  description = "The cluster's ARN (what the deployment role may describe: modules/iam)."
  value       = aws_eks_cluster.this.arn
}

output "cluster_endpoint" {
  description = "The Kubernetes API server's address."
  value       = aws_eks_cluster.this.endpoint
}

output "cluster_security_group_id" {
  description = "The security group EKS gives the cluster and its managed nodes: what the databases let in."
  value       = aws_eks_cluster.this.vpc_config[0].cluster_security_group_id
}

output "node_autoscaling_group_names" {
  description = "The node group's Auto Scaling groups, which the load balancer's target group is attached to."
  value       = flatten([for resource in aws_eks_node_group.this.resources : resource.autoscaling_groups[*].name])
}

output "oidc_provider_arn" {
  description = "The OIDC provider service accounts assume IAM roles through."
  value       = aws_iam_openid_connect_provider.this.arn
}

output "oidc_issuer" {
  description = "The OIDC issuer's host and path (no scheme), as IAM trust conditions name it."
  value       = replace(aws_eks_cluster.this.identity[0].oidc[0].issuer, "https://", "")
}
