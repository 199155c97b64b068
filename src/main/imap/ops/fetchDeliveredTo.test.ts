import { describe, expect, it } from 'vitest';
import { deliveryAddresses } from './fetchDeliveredTo';

describe('delivery addresses', () => {
  it('reads X-Original-To (the alias) before Delivered-To (its mailbox), bare or in angle brackets, once each whatever the case', () => {
    const block = 'Delivered-To: anna@studio.test\r\nX-Original-To: <Info@Studio.test>\r\ndelivered-to: ANNA@studio.test\r\n\r\n';
    expect(deliveryAddresses(block)).toEqual(['Info@Studio.test', 'anna@studio.test']);
  });

  it('unfolds a header split over lines and finds nothing in an empty block', () => {
    expect(deliveryAddresses('X-Original-To:\r\n  info@studio.test\r\n')).toEqual(['info@studio.test']);
    expect(deliveryAddresses('')).toEqual([]);
  });
});
