import { MonthFigures } from '../period/month-figures';
import { WhatIfChange } from './what-if-change';

type Energy = MonthFigures['energy'];

const scaleCarrier = (energy: Energy, carrier: string, factor: number): Energy =>
  energy.map((e) => (e.carrier === carrier ? { ...e, quantity: e.quantity * factor } : e));

function addElectricity(energy: Energy, kwh: number): Energy {
  if (kwh === 0) return energy;
  if (energy.some((e) => e.carrier === 'electricity')) return energy.map((e) => (e.carrier === 'electricity' ? { ...e, quantity: e.quantity + kwh } : e));
  return [...energy, { carrier: 'electricity', quantity: kwh, unit: 'kWh' }];
}

function addPv(m: MonthFigures, kwh: number): MonthFigures {
  const consumed = m.energy.filter((e) => e.carrier === 'electricity').reduce((sum, e) => sum + e.quantity, 0);
  const pv = m.resources.renewables?.pv;
  const ownAlready = Object.values(m.resources.renewables ?? {}).reduce((sum, r) => sum + (r?.selfConsumedKwh ?? 0), 0);
  // Electricity consumed stays as it is (own generation is part of it); PV replaces what came from the grid, and what
  // it generates beyond that is exported.
  const used = Math.max(0, Math.min(kwh, consumed - ownAlready));
  return {
    ...m,
    resources: {
      ...m.resources,
      renewables: { ...m.resources.renewables, pv: { selfConsumedKwh: (pv?.selfConsumedKwh ?? 0) + used, exportedKwh: (pv?.exportedKwh ?? 0) + (kwh - used) } },
    },
  };
}

function applyOne(m: MonthFigures, c: WhatIfChange): MonthFigures {
  const r = m.resources;
  switch (c.kind) {
    case 'add-onsite-pv':
      return addPv(m, c.kwhPerYear / 12);
    case 'cut-carrier':
      return { ...m, energy: scaleCarrier(m.energy, c.carrier, 1 - c.percent / 100) };
    case 'electrify': {
      const replaced = (m.energy.find((e) => e.carrier === c.carrier)?.quantity ?? 0) * (c.percent / 100);
      return { ...m, energy: addElectricity(scaleCarrier(m.energy, c.carrier, 1 - c.percent / 100), replaced * c.kwhPerUnit) };
    }
    case 'raise-value-added':
      return { ...m, valueAdded: m.valueAdded * (1 + c.percent / 100) };
    case 'set-water-reuse-rate': {
      if (!r.water) return m;
      const total = r.water.newWaterM3 + (r.water.reusedM3 ?? 0);
      return { ...m, resources: { ...r, water: { newWaterM3: total * (1 - c.rate), reusedM3: total * c.rate } } };
    }
    case 'set-solid-waste-utilisation-rate': {
      if (!r.solidWaste) return m;
      const base = r.solidWaste.generatedT + (r.solidWaste.priorStockUtilisedT ?? 0);
      return { ...m, resources: { ...r, solidWaste: { ...r.solidWaste, utilisedT: base * c.rate } } };
    }
    case 'cut-pollutant': {
      const amount = r.pollutants?.[c.pollutant];
      if (amount === undefined) return m;
      return { ...m, resources: { ...r, pollutants: { ...r.pollutants, [c.pollutant]: amount * (1 - c.percent / 100) } } };
    }
    case 'set-footprint-share':
      return m.outputValue === undefined ? m : { ...m, footprintedOutputValue: m.outputValue * c.share };
  }
}

/**
 * The months as they would be with the changes applied in order, each month changed alike (a yearly PV output is
 * spread evenly over the months). A change to a figure a month does not report leaves that month as it is.
 */
export function applyWhatIf(months: readonly MonthFigures[], changes: readonly WhatIfChange[]): MonthFigures[] {
  return months.map((m) => changes.reduce(applyOne, m));
}
