import { makeUscc } from '@gec/domain';
import { OracleEnterprise, ReportBody } from '../oracle/expected-state';

export interface LoadOptions {
  /** How many enterprises register and report. */
  enterprises: number;
  /** Industry codes, assigned round-robin (one benchmark per division and period). */
  industries: string[];
  /** The periods every enterprise reports. */
  periods: string[];
  /** Share of reports revised once or twice more (0..1). */
  revisedShare: number;
  /** Over how long the submissions are spread. */
  durationMs: number;
  /** Makes the figures and the order reproducible. */
  seed: number;
  /** Three characters (0-9, A-Y without I, O, S, V) that tell this load's enterprises apart on a shared platform. */
  tag: string;
}

export interface PlannedEnterprise extends OracleEnterprise {
  name: string;
}

type Submission = { kind: 'register'; enterprise: PlannedEnterprise } | { kind: 'report'; uscc: string; body: ReportBody };

/** A registration or a report, and when (ms after the load starts) it is due. */
export type PlannedSubmission = Submission & { atMs: number };

export interface LoadPlan {
  options: LoadOptions;
  enterprises: PlannedEnterprise[];
  /** In time order; one enterprise's submissions are also in the order they must be made. */
  submissions: PlannedSubmission[];
}

const DISTRICTS = ['500112', '500113', '500115', '500116'];

/** Load settings from FAULTS_* variables, so a slower or faster machine can size the load without code changes. */
export function loadOptionsFromEnv(overrides: Partial<LoadOptions> & Pick<LoadOptions, 'periods' | 'tag'>): LoadOptions {
  const number = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
  return {
    enterprises: number('FAULTS_ENTERPRISES', 40),
    industries: ['C2614', 'C3011', 'C3120', 'C3311'],
    revisedShare: number('FAULTS_REVISED_SHARE', 0.3),
    durationMs: number('FAULTS_LOAD_SECONDS', 24) * 1000,
    seed: 1,
    ...overrides,
  };
}

/**
 * A reproducible load: every enterprise registers, reports each period, and some reports are revised once or twice
 * with other figures. Submissions come in rounds (registrations, first reports per period, then revisions), shuffled
 * within a round and spread evenly over the duration.
 */
export function planLoad(options: LoadOptions): LoadPlan {
  const random = mulberry32(options.seed);
  const enterprises: PlannedEnterprise[] = Array.from({ length: options.enterprises }, (_, i) => {
    const industryCode = options.industries[i % options.industries.length];
    const uscc = makeUscc(`91${DISTRICTS[i % DISTRICTS.length]}MA${options.tag}${String(i).padStart(4, '0')}`);
    return { uscc, industryCode, name: `Fault load ${options.tag} ${i} (${industryCode})` };
  });

  const rounds: Submission[][] = [enterprises.map((enterprise) => ({ kind: 'register' as const, enterprise }))];
  const revisions: Submission[] = [];
  for (const period of options.periods) {
    const round: Submission[] = [];
    for (const enterprise of enterprises) {
      round.push({ kind: 'report', uscc: enterprise.uscc, body: reportBody(period, random) });
      if (random() < options.revisedShare) {
        const extra = random() < 0.5 ? 1 : 2;
        for (let r = 0; r < extra; r++) revisions.push({ kind: 'report', uscc: enterprise.uscc, body: reportBody(period, random) });
      }
    }
    rounds.push(round);
  }
  rounds.push(revisions);

  // Shuffle within each round, but keep one enterprise's revisions of a period in the order they were made.
  const ordered = rounds.flatMap((round) => stableShuffle(round, random));
  const step = ordered.length > 1 ? options.durationMs / (ordered.length - 1) : 0;
  const submissions: PlannedSubmission[] = ordered.map((s, i) => ({ ...s, atMs: Math.round(i * step) }));
  return { options, enterprises, submissions };
}

/**
 * Figures spread so that carbon intensity ranges from well below to well above the industry's: grades 1-5 and all three
 * levels occur, so decisions go both ways. Units vary as clients send them.
 */
function reportBody(period: string, random: () => number): ReportBody {
  const valueAdded = 500 + Math.round(random() * 2500);
  // Target L between 0.15 and 3.5 t CO2 per 10,000 yuan, roughly a quarter from electricity.
  const targetCo2 = valueAdded * (0.15 + random() ** 1.5 * 3.35);
  const electricityMwh = Math.round((targetCo2 * 0.25) / 0.53);
  const coalT = Math.round((targetCo2 * 0.55) / 1.98);
  const gasM3 = Math.round((targetCo2 * 0.2) / 0.00216);
  const energy: ReportBody['energy'] = [
    random() < 0.5 ? { carrier: 'electricity', quantity: electricityMwh, unit: 'MWh' } : { carrier: 'electricity', quantity: electricityMwh * 1000, unit: 'kWh' },
    random() < 0.7 ? { carrier: 'raw_coal', quantity: coalT, unit: 't' } : { carrier: 'raw_coal', quantity: coalT * 1000, unit: 'kg' },
    { carrier: 'natural_gas', quantity: gasM3, unit: 'm3' },
  ];
  const body: ReportBody = { period, valueAdded, outputValue: valueAdded * 4, energy };
  if (random() < 0.25) body.ownRenewableElectricity = { quantity: Math.round(electricityMwh * 0.2), unit: 'MWh' };
  return body;
}

/** Fisher-Yates, then one enterprise's reports of a period put back in their original relative order. */
function stableShuffle(items: Submission[], random: () => number): Submission[] {
  const shuffled = [...items];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
  }
  const keyOf = (s: Submission) => (s.kind === 'report' ? `${s.uscc}/${s.body.period}` : s.enterprise.uscc);
  const queues = new Map<string, Submission[]>();
  for (const item of items) queues.set(keyOf(item), [...(queues.get(keyOf(item)) ?? []), item]);
  return shuffled.map((s) => queues.get(keyOf(s))!.shift()!);
}

/** A small seeded generator (public domain), so a failing run can be reproduced. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
