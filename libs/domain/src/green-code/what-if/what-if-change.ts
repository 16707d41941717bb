import { EnergyCarrier } from '../../energy/energy-carrier';
import { Pollutant } from '../period/month-figures';

/** A hypothetical change to an enterprise's figures; percentages are 0-100, rates and shares 0-1. */
export type WhatIfChange =
  /** On-site PV generating this much a year (spread evenly over the months), used on site up to the electricity consumed. */
  | { kind: 'add-onsite-pv'; kwhPerYear: number }
  /** Use this much less of a carrier (e.g. waste-heat power replacing purchased electricity). */
  | { kind: 'cut-carrier'; carrier: EnergyCarrier; percent: number }
  /** Replace this share of a fuel with electricity, at the stated kWh per unit of fuel replaced. */
  | { kind: 'electrify'; carrier: Exclude<EnergyCarrier, 'electricity'>; percent: number; kwhPerUnit: number }
  | { kind: 'raise-value-added'; percent: number }
  /** Reuse this share of the water used, total water use unchanged. */
  | { kind: 'set-water-reuse-rate'; rate: number }
  /** Utilise this share of the general solid waste generated (plus prior stock utilised). */
  | { kind: 'set-solid-waste-utilisation-rate'; rate: number }
  | { kind: 'cut-pollutant'; pollutant: Pollutant; percent: number }
  /** Give this share of output value a product carbon footprint. */
  | { kind: 'set-footprint-share'; share: number };

/** Problems with a list of changes, each naming the change's index and field. */
export function whatIfChangeIssues(changes: readonly WhatIfChange[]): Array<{ path: Array<string | number>; message: string }> {
  const issues: Array<{ path: Array<string | number>; message: string }> = [];
  const check = (i: number, field: string, value: number, min: number, max: number) => {
    if (!Number.isFinite(value) || value < min || value > max) issues.push({ path: [i, field], message: `must be a number from ${min} to ${max}` });
  };
  changes.forEach((c, i) => {
    if (c.kind === 'add-onsite-pv') check(i, 'kwhPerYear', c.kwhPerYear, 0, Number.MAX_VALUE);
    if (c.kind === 'cut-carrier' || c.kind === 'cut-pollutant' || c.kind === 'electrify') check(i, 'percent', c.percent, 0, 100);
    if (c.kind === 'electrify') check(i, 'kwhPerUnit', c.kwhPerUnit, 0, Number.MAX_VALUE);
    if (c.kind === 'raise-value-added') check(i, 'percent', c.percent, -100, 10_000);
    if (c.kind === 'set-water-reuse-rate' || c.kind === 'set-solid-waste-utilisation-rate') check(i, 'rate', c.rate, 0, 1);
    if (c.kind === 'set-footprint-share') check(i, 'share', c.share, 0, 1);
  });
  return issues;
}
