// A small fleet seeded into moto through the real RDS API, across two regions.
import {
  CreateDBClusterCommand,
  CreateDBClusterParameterGroupCommand,
  CreateDBInstanceCommand,
  CreateDBParameterGroupCommand,
  CreateOptionGroupCommand,
  ModifyDBClusterParameterGroupCommand,
  ModifyDBInstanceCommand,
  ModifyDBParameterGroupCommand,
  ModifyOptionGroupCommand,
  RDSClient,
} from '@aws-sdk/client-rds';

export const REGIONS = ['us-east-1', 'eu-west-1'] as const;
export const ACCOUNT = '123456789012';

const login = { MasterUsername: 'app', MasterUserPassword: 'not-a-real-password-1' };
const small = { DBInstanceClass: 'db.t3.micro', AllocatedStorage: 20 };

async function dbGroup(rds: RDSClient, name: string, family: string, parameters: Record<string, string>): Promise<void> {
  await rds.send(new CreateDBParameterGroupCommand({ DBParameterGroupName: name, DBParameterGroupFamily: family, Description: name }));
  const list = Object.entries(parameters).map(([ParameterName, ParameterValue]) => ({ ParameterName, ParameterValue, ApplyMethod: 'pending-reboot' as const }));
  if (list.length > 0) await rds.send(new ModifyDBParameterGroupCommand({ DBParameterGroupName: name, Parameters: list }));
}

async function clusterGroup(rds: RDSClient, name: string, family: string, parameters: Record<string, string>): Promise<void> {
  await rds.send(new CreateDBClusterParameterGroupCommand({ DBClusterParameterGroupName: name, DBParameterGroupFamily: family, Description: name }));
  const list = Object.entries(parameters).map(([ParameterName, ParameterValue]) => ({ ParameterName, ParameterValue, ApplyMethod: 'pending-reboot' as const }));
  await rds.send(new ModifyDBClusterParameterGroupCommand({ DBClusterParameterGroupName: name, Parameters: list }));
}

/** Seeds both regions; what each resource should come out as is asserted in the tests. */
export async function seedFleet(): Promise<void> {
  const east = new RDSClient({ region: 'us-east-1' });
  const west = new RDSClient({ region: 'eu-west-1' });
  try {
    await dbGroup(east, 'pg14-force', 'postgres14', { 'rds.force_ssl': '1' });
    await dbGroup(east, 'pg16-plain', 'postgres16', { log_connections: '1' });
    await dbGroup(east, 'mysql-secure', 'mysql8.0', { require_secure_transport: '1' });
    await east.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'orders-pg14', Engine: 'postgres', EngineVersion: '14.9', ...small, ...login,
        DBParameterGroupName: 'pg14-force', EnableIAMDatabaseAuthentication: true, CACertificateIdentifier: 'rds-ca-2019',
        Tags: [{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'orders' }],
      }),
    );
    // The CA is changed through the API afterwards; moto applies it at once.
    await east.send(new ModifyDBInstanceCommand({ DBInstanceIdentifier: 'orders-pg14', CACertificateIdentifier: 'rds-ca-rsa4096-g1', ApplyImmediately: true }));
    await east.send(
      new CreateDBInstanceCommand({ DBInstanceIdentifier: 'reports-pg16', Engine: 'postgres', EngineVersion: '16.3', ...small, ...login, CACertificateIdentifier: 'rds-ca-rsa2048-g1' }),
    );
    await east.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'billing-pg16', Engine: 'postgres', EngineVersion: '16.3', ...small, ...login,
        DBParameterGroupName: 'pg16-plain', CACertificateIdentifier: 'rds-ca-rsa2048-g1',
      }),
    );
    await east.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'shop-mysql', Engine: 'mysql', EngineVersion: '8.0.35', ...small, ...login,
        DBParameterGroupName: 'mysql-secure', EnableIAMDatabaseAuthentication: true, CACertificateIdentifier: 'rds-ca-2019',
      }),
    );

    await clusterGroup(east, 'apg15-force', 'aurora-postgresql15', { 'rds.force_ssl': '1' });
    await east.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: 'analytics', Engine: 'aurora-postgresql', EngineVersion: '15.4', ...login,
        DBClusterParameterGroupName: 'apg15-force', EnableIAMDatabaseAuthentication: true, Tags: [{ Key: 'env', Value: 'prod' }],
      }),
    );
    for (const [id, ca] of [['analytics-1', 'rds-ca-rsa2048-g1'], ['analytics-2', 'rds-ca-2019']] as const) {
      await east.send(
        new CreateDBInstanceCommand({ DBInstanceIdentifier: id, Engine: 'aurora-postgresql', DBInstanceClass: 'db.r6g.large', DBClusterIdentifier: 'analytics', CACertificateIdentifier: ca }),
      );
    }

    await clusterGroup(east, 'maz-mysql', 'mysql8.0', { require_secure_transport: 'ON' });
    await east.send(
      new CreateDBClusterCommand({
        DBClusterIdentifier: 'ledger', Engine: 'mysql', EngineVersion: '8.0.35', ...login, DBClusterInstanceClass: 'db.m6gd.large',
        AllocatedStorage: 100, StorageType: 'io1', Iops: 1000, DBClusterParameterGroupName: 'maz-mysql',
      }),
    );
    await east.send(
      new CreateDBInstanceCommand({ DBInstanceIdentifier: 'ledger-1', Engine: 'mysql', DBInstanceClass: 'db.m6gd.large', DBClusterIdentifier: 'ledger', CACertificateIdentifier: 'rds-ca-rsa2048-g1' }),
    );

    // Neptune shares the RDS API (moto has no DocumentDB engine here): it must be skipped.
    await east.send(new CreateDBClusterCommand({ DBClusterIdentifier: 'graph', Engine: 'neptune', ...login }));
    await east.send(new CreateDBInstanceCommand({ DBInstanceIdentifier: 'graph-1', Engine: 'neptune', DBInstanceClass: 'db.r5.large', DBClusterIdentifier: 'graph' }));

    await east.send(new CreateOptionGroupCommand({ OptionGroupName: 'ora-ssl', EngineName: 'oracle-ee', MajorEngineVersion: '19', OptionGroupDescription: 'TLS' }));
    await east.send(
      new ModifyOptionGroupCommand({
        OptionGroupName: 'ora-ssl', ApplyImmediately: true,
        OptionsToInclude: [{ OptionName: 'SSL', Port: 2484, OptionSettings: [{ Name: 'SQLNET.SSL_VERSION', Value: '1.2' }] }],
      }),
    );
    await east.send(
      new CreateDBInstanceCommand({
        DBInstanceIdentifier: 'erp-oracle', Engine: 'oracle-ee', EngineVersion: '19.0.0.0.ru-2024-01.rur-2024-01.r1', DBInstanceClass: 'db.m5.large',
        AllocatedStorage: 20, ...login, OptionGroupName: 'ora-ssl', LicenseModel: 'bring-your-own-license', CACertificateIdentifier: 'rds-ca-rsa4096-g1',
      }),
    );

    await dbGroup(west, 'pg14-force', 'postgres14', { 'rds.force_ssl': '1' });
    for (const [id, ca] of [['eu-orders-pg14', 'rds-ca-rsa2048-g1'], ['eu-legacy-pg14', 'rds-ca-2019']] as const) {
      await west.send(
        new CreateDBInstanceCommand({ DBInstanceIdentifier: id, Engine: 'postgres', EngineVersion: '14.9', ...small, ...login, DBParameterGroupName: 'pg14-force', CACertificateIdentifier: ca }),
      );
    }
    await west.send(
      new CreateDBInstanceCommand({ DBInstanceIdentifier: 'eu-mysql', Engine: 'mysql', EngineVersion: '8.0.35', ...small, ...login, CACertificateIdentifier: 'rds-ca-rsa2048-g1' }),
    );
  } finally {
    east.destroy();
    west.destroy();
  }
}
