import { describe, expect, it } from 'vitest';
import { createAwsClients } from './create-aws-clients.js';
import { createAwsTarget } from './create-aws-target.js';

describe('createAwsClients / createAwsTarget', () => {
  it('configures checksums and path style as asked', async () => {
    const clients = createAwsClients({
      region: 'eu-west-1',
      forcePathStyle: true,
      checksums: 'when-required',
    });
    expect(await clients.s3.config.region()).toBe('eu-west-1');
    expect(clients.s3.config.forcePathStyle).toBe(true);
    expect(await clients.s3.config.requestChecksumCalculation()).toBe('WHEN_REQUIRED');
    expect(await createAwsClients({ region: 'us-east-1' }).s3.config.requestChecksumCalculation()).toBe(
      'WHEN_SUPPORTED',
    );
  });

  it('wires one warehouse: Glue catalog location, Athena database and result location', () => {
    const target = createAwsTarget({
      clients: createAwsClients({ region: 'us-east-1' }),
      warehouse: 's3://lake/wh/',
    });
    expect(target.namespace).toBe('nasdaq');
    expect(target.catalog.tableLocation({ namespace: 'nasdaq', name: 'dim_date' })).toBe(
      's3://lake/wh/nasdaq/dim_date',
    );
    expect(target.catalog.io).toBe(target.io);
  });
});
