import { Caller } from './caller';
import { AccessBasis, admit, grantAccess } from './enterprise-access';

const USCC = '91500000MA5U7AAA0X';
const ALL: AccessBasis[] = ['self', 'consent', 'jurisdiction', 'admin'];

describe('grantAccess', () => {
  it.each<[string, Caller, string | null, AccessBasis | null]>([
    ['the enterprise itself', { subject: 's', role: 'enterprise', uscc: USCC }, null, 'self'],
    ['another enterprise', { subject: 's', role: 'enterprise', uscc: '91500000MA5U7AAB0X' }, null, null],
    ['a bank with consent', { subject: 's', role: 'bank', bankId: 'b' }, 'consent-1', 'consent'],
    ['a bank without consent', { subject: 's', role: 'bank', bankId: 'b' }, null, null],
    ['a regulator', { subject: 's', role: 'regulator', regionPrefix: '50' }, null, 'jurisdiction'],
    ['an administrator', { subject: 's', role: 'admin' }, null, 'admin'],
  ])('%s', (_case, caller, consentId, basis) => {
    expect(grantAccess(caller, USCC, ALL, consentId)?.basis ?? null).toBe(basis);
  });

  it('only grants the bases the endpoint allows', () => {
    expect(grantAccess({ subject: 's', role: 'admin' }, USCC, ['self'])).toBeNull();
    expect(grantAccess({ subject: 's', role: 'bank', bankId: 'b' }, USCC, ['self', 'admin'], 'consent-1')).toBeNull();
  });

  it("bounds a regulator by its region and nobody else", () => {
    const regulator = grantAccess({ subject: 's', role: 'regulator', regionPrefix: '5001' }, USCC, ALL)!;
    const data = { figure: 1 };
    expect(admit(regulator, '500112', data)).toBe(data);
    expect(admit(regulator, '500230', data)).toBeNull();
    expect(admit(regulator, '330100', data)).toBeNull();
    expect(admit(regulator, undefined, data)).toBeNull();
    expect(admit(grantAccess({ subject: 's', role: 'admin' }, USCC, ALL)!, '330100', data)).toBe(data);
    expect(admit(regulator, '500112', null)).toBeNull();
  });
});
