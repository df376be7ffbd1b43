import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCarrierSandbox, type RunningCarrierSandbox } from '@shop/carrier-sandbox';
import { CarrierClient, TrackingLookupRefused } from '../src/services/carrier-client.js';

const clientOf = (baseUrl: string) =>
  new CarrierClient({ baseUrl, webhookUrl: 'http://127.0.0.1:9/unused', timeoutMs: 2000 });

describe('the carrier client, against the carrier sandbox', () => {
  let sandbox: RunningCarrierSandbox;

  beforeAll(async () => {
    sandbox = await startCarrierSandbox({ port: 0 });
  });
  afterAll(() => sandbox?.stop());

  it('a number the carrier does not know is refused as the number’s trouble', async () => {
    const lookup = clientOf(sandbox.url).track('NO-SUCH-PARCEL');
    await expect(lookup).rejects.toBeInstanceOf(TrackingLookupRefused);
    await expect(lookup).rejects.toMatchObject({ trackingNumber: 'NO-SUCH-PARCEL', status: 404 });
  });

  it('a carrier that cannot be reached is not a refusal of the number', async () => {
    const gone = await startCarrierSandbox({ port: 0 });
    await gone.stop();
    const lookup = clientOf(gone.url).track('NO-SUCH-PARCEL');
    await expect(lookup).rejects.toThrow();
    await expect(lookup).rejects.not.toBeInstanceOf(TrackingLookupRefused);
  });
});
