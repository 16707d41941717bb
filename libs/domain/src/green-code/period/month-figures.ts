import { EnergyCarrier } from '../../energy/energy-carrier';
import { ResourceFigures } from '../../report/report-figures';

import { Pollutant, POLLUTANTS } from '../../profile/enterprise-profile';

// The pollutants are the profile's (its permitted amounts name the same ones).
export { POLLUTANTS };
export type { Pollutant };

/** One month's accepted report revision, as the rating reads it. */
export interface MonthFigures {
  /** YYYY-MM. */
  month: string;
  /** The report revision these figures are; recorded with every result. */
  revision: number;
  /** 10,000 yuan, income method. */
  valueAdded: number;
  /** Quantities in each carrier's canonical unit; electricity is what was drawn from the grid. */
  energy: ReadonlyArray<{ carrier: EnergyCarrier; quantity: number; unit: string }>;
  resources: ResourceFigures;
  /** 10,000 yuan. */
  outputValue?: number;
  /** Output value of products with a product carbon footprint, 10,000 yuan. */
  footprintedOutputValue?: number;
  /** Land the enterprise occupies, m2: a stock, so a period takes its latest month's. */
  landAreaM2?: number;
}

/** Pollutants the enterprise's discharge permit allows per year, t. */
export type PollutantPermits = Partial<Record<Pollutant, number>>;
