# Fails ca-allowed and ca-expiring: still on rds-ca-2019, which expired in August 2024.
# PostgreSQL 13.4 rotates its certificate without a restart, so the fix can go out any time.
resource "aws_db_instance" "legacy" {
  identifier                          = "legacy"
  engine                              = "postgres"
  engine_version                      = "13.4"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 20
  username                            = "legacy"
  password                            = var.db_password
  db_subnet_group_name                = aws_db_subnet_group.shop.name
  parameter_group_name                = aws_db_parameter_group.postgres13_tls.name
  ca_cert_identifier                  = "rds-ca-2019"
  iam_database_authentication_enabled = true
}

resource "aws_db_parameter_group" "postgres13_tls" {
  name   = "postgres13-tls"
  family = "postgres13"

  parameter {
    name         = "rds.force_ssl"
    value        = "1"
    apply_method = "pending-reboot"
  }
}

# A planned CA rotation, rds-ca-2019 → rds-ca-rsa2048-g1. MySQL 5.7.34 restarts to rotate, and
# apply_immediately makes that happen during the apply rather than in the maintenance window.
resource "aws_db_instance" "billing" {
  identifier                          = "billing"
  engine                              = "mysql"
  engine_version                      = "5.7.34"
  instance_class                      = "db.t3.medium"
  allocated_storage                   = 50
  username                            = "billing"
  password                            = var.db_password
  db_subnet_group_name                = aws_db_subnet_group.shop.name
  parameter_group_name                = aws_db_parameter_group.mysql57_tls.name
  ca_cert_identifier                  = "rds-ca-rsa2048-g1"
  apply_immediately                   = true
  iam_database_authentication_enabled = true
}

resource "aws_db_parameter_group" "mysql57_tls" {
  name   = "mysql57-tls"
  family = "mysql5.7"

  parameter {
    name  = "require_secure_transport"
    value = "1"
  }
}

# Fails ssl-enforced: PostgreSQL 14 defaults rds.force_ssl to 0 and this group does not set it.
# IAM auth is off too, which examples/policy.yml exempts for *reporting* until mid-2027.
resource "aws_db_instance" "reporting" {
  identifier           = "reporting"
  engine               = "postgres"
  engine_version       = "14.12"
  instance_class       = "db.t3.medium"
  allocated_storage    = 100
  username             = "reporting"
  password             = var.db_password
  db_subnet_group_name = aws_db_subnet_group.shop.name
  parameter_group_name = aws_db_parameter_group.reporting.name
  ca_cert_identifier   = "rds-ca-rsa2048-g1"
}

resource "aws_db_parameter_group" "reporting" {
  name   = "reporting-pg14"
  family = "postgres14"

  parameter {
    name  = "log_min_duration_statement"
    value = "500"
  }
}

# Passes: new PostgreSQL 16 on the engine's default parameter group, which forces TLS from
# version 15 on; no CA set, so the account default for new instances (the policy's assume-default).
resource "aws_db_instance" "analytics" {
  identifier                          = "analytics"
  engine                              = "postgres"
  engine_version                      = "16.4"
  instance_class                      = "db.t4g.large"
  allocated_storage                   = 100
  username                            = "analytics"
  password                            = var.db_password
  db_subnet_group_name                = aws_db_subnet_group.shop.name
  iam_database_authentication_enabled = true
}

# Fails iam-auth: MySQL with IAM database authentication off.
resource "aws_db_instance" "wordpress" {
  identifier           = "wordpress"
  engine               = "mysql"
  engine_version       = "8.0.39"
  instance_class       = "db.t4g.small"
  allocated_storage    = 20
  username             = "wordpress"
  password             = var.db_password
  db_subnet_group_name = aws_db_subnet_group.shop.name
  parameter_group_name = aws_db_parameter_group.mysql80_tls.name
  ca_cert_identifier   = "rds-ca-rsa2048-g1"
}

resource "aws_db_parameter_group" "mysql80_tls" {
  name   = "mysql80-tls"
  family = "mysql8.0"

  parameter {
    name  = "require_secure_transport"
    value = "1"
  }
}

# Unknown: the CA is drawn by random_shuffle during the apply, so the plan cannot tell which.
resource "random_shuffle" "canary_ca" {
  input        = ["rds-ca-rsa2048-g1", "rds-ca-ecc384-g1"]
  result_count = 1
}

resource "aws_db_instance" "inventory" {
  identifier                          = "inventory"
  engine                              = "postgres"
  engine_version                      = "16.4"
  instance_class                      = "db.t4g.medium"
  allocated_storage                   = 50
  username                            = "inventory"
  password                            = var.db_password
  db_subnet_group_name                = aws_db_subnet_group.shop.name
  ca_cert_identifier                  = random_shuffle.canary_ca.result[0]
  iam_database_authentication_enabled = true
}

# SQL Server has no IAM database authentication: reported as not applicable, not as a violation.
resource "aws_db_instance" "erp" {
  identifier           = "erp"
  engine               = "sqlserver-se"
  engine_version       = "15.00.4415.2.v1"
  license_model        = "license-included"
  instance_class       = "db.m5.large"
  allocated_storage    = 200
  username             = "erp"
  password             = var.db_password
  db_subnet_group_name = aws_db_subnet_group.shop.name
  parameter_group_name = aws_db_parameter_group.sqlserver_tls.name
  ca_cert_identifier   = "rds-ca-rsa4096-g1"
}

resource "aws_db_parameter_group" "sqlserver_tls" {
  name   = "sqlserver-se15-tls"
  family = "sqlserver-se-15.0"

  parameter {
    name         = "rds.force_ssl"
    value        = "1"
    apply_method = "pending-reboot"
  }
}

# Out of scope: examples/policy.yml excludes anything tagged tls-policy = exempt.
resource "aws_db_instance" "sandbox" {
  identifier           = "sandbox"
  engine               = "mysql"
  engine_version       = "8.0.39"
  instance_class       = "db.t4g.micro"
  allocated_storage    = 20
  username             = "sandbox"
  password             = var.db_password
  db_subnet_group_name = aws_db_subnet_group.shop.name
  ca_cert_identifier   = "rds-ca-2019"

  tags = {
    tls-policy = "exempt"
  }
}
