/** The units of each figure in an indicators response, so a reader never has to guess. */
export const INDICATOR_UNITS = {
  valueAdded: '10,000 yuan',
  energyTce: 'tce',
  co2Tonnes: 't CO2',
  co2ByCarrier: 't CO2',
  ownRenewableCo2AvoidedTonnes: 't CO2',
  energyIntensity: 'tce per 10,000 yuan',
  carbonIntensity: 't CO2 per 10,000 yuan',
  gridFactor: 't CO2 per MWh',
} as const;
