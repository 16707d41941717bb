import { makeUscc } from '@gec/domain';
import { request } from './http-client';
import { LocalAuthority } from './local-authority';

interface DemoEnterprise {
  uscc: string;
  name: string;
  industryCode: string;
  /** Monthly figures: value added in 10,000 yuan, electricity kWh, natural gas m3, raw coal t. */
  base: { valueAdded: number; electricityKwh: number; naturalGasM3: number; rawCoalT: number; ownSolarKwh: number };
}

// Chongqing districts (GB/T 2260): Changshou 500115, Jiangjin 500116, Banan 500113, Yubei 500112.
export const DEMO_ENTERPRISES: DemoEnterprise[] = [
  { uscc: makeUscc('91500116MA5GL0001'), name: 'Jiangjin Float Glass Co.', industryCode: 'C3041', base: { valueAdded: 3000, electricityKwh: 2_000_000, naturalGasM3: 400_000, rawCoalT: 0, ownSolarKwh: 150_000 } },
  { uscc: makeUscc('91500113MA5CM0002'), name: 'Banan Cement Works', industryCode: 'C3011', base: { valueAdded: 2500, electricityKwh: 3_000_000, naturalGasM3: 0, rawCoalT: 3000, ownSolarKwh: 0 } },
  { uscc: makeUscc('91500112MA5CR0003'), name: 'Yubei Ceramics', industryCode: 'C3071', base: { valueAdded: 1800, electricityKwh: 900_000, naturalGasM3: 250_000, rawCoalT: 0, ownSolarKwh: 60_000 } },
  { uscc: makeUscc('91500115MA5CH0004'), name: 'Changshou Fine Chemicals', industryCode: 'C2614', base: { valueAdded: 4200, electricityKwh: 2_600_000, naturalGasM3: 600_000, rawCoalT: 200, ownSolarKwh: 0 } },
  { uscc: makeUscc('91500115MA5FE0005'), name: 'Changshou Fertiliser Co.', industryCode: 'C2621', base: { valueAdded: 2100, electricityKwh: 3_400_000, naturalGasM3: 900_000, rawCoalT: 800, ownSolarKwh: 0 } },
  { uscc: makeUscc('91500115MA5PA0006'), name: 'Yangtze Paints', industryCode: 'C2641', base: { valueAdded: 1500, electricityKwh: 500_000, naturalGasM3: 40_000, rawCoalT: 0, ownSolarKwh: 120_000 } },
];

export const DEMO_PERIODS = ['2026-08', '2026-09', '2026-10'];
export const DEMO_BANK = 'cq-green-bank';

/**
 * Registers the demo enterprises and submits their reports, each as the enterprise itself; the first one consents
 * to the demo bank reading its rating and eligibility. Whatever is already there is left as it is.
 */
export async function loadDemoData(urls: { intake: string; finance: string }, authority: LocalAuthority): Promise<{ registered: number; reports: number }> {
  const intakeUrl = urls.intake;
  let registered = 0;
  let reports = 0;
  for (const enterprise of DEMO_ENTERPRISES) {
    const headers = await authority.headers({ role: 'enterprise', uscc: enterprise.uscc });
    const response = await request('POST', `${intakeUrl}/v1/enterprises`, { uscc: enterprise.uscc, name: enterprise.name, industryCode: enterprise.industryCode }, headers);
    if (response.status === 201) registered++;
    else if (response.status !== 409) throw new Error(`registering ${enterprise.name}: ${response.status} ${JSON.stringify(response.body)}`);
    for (const [i, period] of DEMO_PERIODS.entries()) {
      const existing = await request('GET', `${intakeUrl}/v1/enterprises/${enterprise.uscc}/reports/${period}`, undefined, headers);
      if (existing.status === 200) continue;
      const drift = 1 + 0.04 * (i - 1);
      const b = enterprise.base;
      const energy = [
        { carrier: 'electricity', quantity: Math.round(b.electricityKwh * drift), unit: 'kWh' },
        ...(b.naturalGasM3 ? [{ carrier: 'natural_gas', quantity: Math.round(b.naturalGasM3 * drift), unit: 'm3' }] : []),
        ...(b.rawCoalT ? [{ carrier: 'raw_coal', quantity: Math.round(b.rawCoalT * drift), unit: 't' }] : []),
      ];
      const body = {
        period,
        valueAdded: Math.round(b.valueAdded * (1 + 0.02 * i)),
        outputValue: Math.round(b.valueAdded * 3.8),
        energy,
        ...(b.ownSolarKwh ? { ownRenewableElectricity: { quantity: b.ownSolarKwh, unit: 'kWh' } } : {}),
      };
      const submitted = await request('POST', `${intakeUrl}/v1/enterprises/${enterprise.uscc}/reports`, body, headers);
      if (submitted.status !== 202) throw new Error(`report ${period} of ${enterprise.name}: ${submitted.status} ${JSON.stringify(submitted.body)}`);
      reports++;
    }
  }
  const first = DEMO_ENTERPRISES[0].uscc;
  const consent = await request('POST', `${urls.finance}/v1/enterprises/${first}/consents`, { bankId: DEMO_BANK }, await authority.headers({ role: 'enterprise', uscc: first }));
  if (consent.status !== 201) throw new Error(`consent of ${first} to ${DEMO_BANK}: ${consent.status} ${JSON.stringify(consent.body)}`);
  return { registered, reports };
}
