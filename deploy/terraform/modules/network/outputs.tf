output "vpc_id" {
  description = "The VPC's id."
  value       = aws_vpc.this.id
}

output "vpc_cidr_block" {
  description = "The VPC's address range."
  value       = aws_vpc.this.cidr_block
}

output "public_subnet_ids" {
  description = "Public subnets, one per zone: the load balancer."
  value       = aws_subnet.public[*].id
}

output "private_subnet_ids" {
  description = "Private subnets, one per zone: the cluster's nodes."
  value       = aws_subnet.private[*].id
}

output "database_subnet_ids" {
  description = "Database subnets, one per zone, without a route to the internet: PostgreSQL and Redis."
  value       = aws_subnet.database[*].id
}
