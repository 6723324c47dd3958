# Passes: Aurora PostgreSQL enforces TLS (rds.force_ssl in the cluster parameter group) and IAM
# auth on the cluster; the CA is set on each instance.
resource "aws_rds_cluster" "orders" {
  cluster_identifier                  = "orders"
  engine                              = "aurora-postgresql"
  engine_version                      = "16.4"
  master_username                     = "orders"
  master_password                     = var.db_password
  db_subnet_group_name                = aws_db_subnet_group.shop.name
  db_cluster_parameter_group_name     = aws_rds_cluster_parameter_group.orders.name
  iam_database_authentication_enabled = true
  final_snapshot_identifier           = "orders-final"
}

resource "aws_rds_cluster_parameter_group" "orders" {
  name   = "orders-aurora-pg16"
  family = "aurora-postgresql16"

  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}

resource "aws_rds_cluster_instance" "orders" {
  count              = 2
  identifier         = "orders-${count.index}"
  cluster_identifier = aws_rds_cluster.orders.id
  instance_class     = "db.r6g.large"
  engine             = aws_rds_cluster.orders.engine
  engine_version     = aws_rds_cluster.orders.engine_version
  ca_cert_identifier = "rds-ca-rsa2048-g1"
}
