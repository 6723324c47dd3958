import type { RuleId } from '../policy/types.js';

export interface RuleMeta {
  id: RuleId;
  title: string;
  /** One sentence: what holds when the rule passes. */
  description: string;
  /** Markdown: why it matters and how to fix it (SARIF help, docs). */
  help: string;
}

// One place for rule texts: SARIF rule metadata, the Markdown report and docs/rules.md read them.
export const RULES: Record<RuleId, RuleMeta> = {
  'ca-allowed': {
    id: 'ca-allowed',
    title: 'CA is on the allowed list',
    description: "The database's effective certificate authority (its own, else ca.assume-default) is in ca.allowed.",
    help:
      'Clients that verify the server certificate trust only the CA bundle they were given. A database on a CA ' +
      'that is not allowed (for example the expired `rds-ca-2019`) breaks those clients or forces them to skip ' +
      'verification. Set `ca_cert_identifier` (Terraform) or `CACertificateIdentifier` (CloudFormation), or run ' +
      '`aws rds modify-db-instance --ca-certificate-identifier rds-ca-rsa2048-g1`, after updating client trust ' +
      'stores. The report says whether the rotation restarts the database.',
  },
  'ca-expiring': {
    id: 'ca-expiring',
    title: 'CA and server certificate stay valid',
    description: 'The CA, and the server certificate where known, stay valid for ca.min-days-valid days.',
    help:
      'When the CA or the server certificate expires, clients that verify certificates can no longer connect. ' +
      'Move to a CA with a later expiry (the G1 CAs run to 2061 and 2121); RDS rotates server certificates ' +
      'issued by the G1 CAs automatically.',
  },
  'ssl-enforced': {
    id: 'ssl-enforced',
    title: 'TLS is enforced',
    description:
      "The engine's TLS-enforcing setting is in effect: rds.force_ssl = 1 (PostgreSQL, Aurora PostgreSQL, " +
      'SQL Server), require_secure_transport = ON (MySQL, MariaDB 10.5+, Aurora MySQL), DB2COMM = SSL (Db2), ' +
      'the SSL option (Oracle).',
    help:
      'Without enforcement, clients may connect in plain text. Set the parameter in a custom DB parameter group ' +
      '(for Aurora and Multi-AZ DB clusters, the DB cluster parameter group). Static parameters such as ' +
      '`rds.force_ssl` on SQL Server take effect after a reboot. Oracle keeps its plain-text port open even with ' +
      'the SSL option: close it with security groups or use native network encryption.',
  },
  'iam-auth': {
    id: 'iam-auth',
    title: 'IAM database authentication is enabled',
    description:
      'IAM database authentication is enabled (on the cluster for Aurora members); engines without IAM auth are not applicable.',
    help:
      'IAM authentication replaces long-lived database passwords with short-lived tokens. Set ' +
      '`iam_database_authentication_enabled = true` (Terraform) or `EnableIAMDatabaseAuthentication: true` ' +
      '(CloudFormation); for Aurora, on the cluster.',
  },
  'no-restart': {
    id: 'no-restart',
    title: 'The change does not restart the database',
    description: 'No change in the evaluated plan or change set restarts the database (only when restart.allowed is false).',
    help:
      'A CA rotation restarts the database unless its engine version supports rotation without restart ' +
      '(SupportsCertificateRotationWithoutRestart). Schedule the change in a maintenance window, or allow restarts ' +
      'for this resource with an override.',
  },
  unknown: {
    id: 'unknown',
    title: 'Every fact a rule needs is known',
    description: 'A fact a rule needs (CA, parameter value, engine version) is known, not left to apply time.',
    help:
      'The value is known only after apply, comes from outside the evaluated files, or could not be read. Set it ' +
      'explicitly in the configuration, add the missing template or plan to the run, or exempt the resource.',
  },
};
