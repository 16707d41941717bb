import { GreenTier, TierRule } from '../methodology/green-methodology';

export interface ScoredMember {
  /** The enterprise's USCC. */
  id: string;
  score: number;
}

type ScoreBand = { tier: GreenTier; minScore: number };

const EPS = 1e-9;

/** The first band (best first) whose minScore the score reaches. */
export function tierByThreshold(score: number, bands: readonly ScoreBand[]): GreenTier {
  const band = bands.find((b) => score >= b.minScore);
  if (!band) throw new RangeError(`no band covers ${score}; the last band must start at 0`);
  return band.tier;
}

/** Places (rank bounds) of each shared tier among n qualifying members: the cumulative share of n, rounded up. */
export function sharePlaces(rule: Extract<TierRule, { mode: 'share' }>, n: number): Array<{ tier: GreenTier; upToRank: number }> {
  let cumulative = 0;
  return rule.shares.map(({ tier, share }) => {
    cumulative += share;
    return { tier, upToRank: Math.max(0, Math.ceil(cumulative * n - EPS)) };
  });
}

/**
 * Tiers for a cohort. Threshold mode: by score bounds. Share mode: members reaching the qualifying score are ranked by
 * score, best first, with competition ranking (equal scores share a rank, so a tie never splits across tiers and the
 * tied members all take the better tier); a member of rank r takes the first shared tier whose places reach r. Members
 * below the qualifying score take the threshold tiers. The result does not depend on the members' order.
 */
export function assignTiers(members: readonly ScoredMember[], rule: TierRule): Map<string, GreenTier> {
  const out = new Map<string, GreenTier>();
  if (rule.mode === 'threshold') {
    for (const m of members) out.set(m.id, tierByThreshold(m.score, rule.bands));
    return out;
  }
  const qualifying = members.filter((m) => m.score >= rule.qualifyingScore);
  const places = sharePlaces(rule, qualifying.length);
  for (const m of members) {
    if (m.score < rule.qualifyingScore) {
      out.set(m.id, tierByThreshold(m.score, rule.belowQualifying));
      continue;
    }
    const rank = 1 + qualifying.filter((o) => o.score > m.score).length;
    out.set(m.id, (places.find((p) => rank <= p.upToRank) ?? places[places.length - 1]).tier);
  }
  return out;
}

/** The tiers of a rule, best first. */
export function tierOrder(rule: TierRule): GreenTier[] {
  return rule.mode === 'threshold' ? rule.bands.map((b) => b.tier) : [...rule.shares.map((s) => s.tier), ...rule.belowQualifying.map((b) => b.tier)];
}

/**
 * The lowest score that would give an enterprise a tier, the other members' scores held as they are; null for a
 * shared tier no score can reach (more members are tied above it than the tier has places).
 */
export function scoreNeededForTier(tier: GreenTier, others: readonly number[], rule: TierRule): number | null {
  if (rule.mode === 'threshold') return rule.bands.find((b) => b.tier === tier)?.minScore ?? null;
  const below = rule.belowQualifying.find((b) => b.tier === tier);
  if (below) return below.minScore;
  const qualifyingOthers = others.filter((s) => s >= rule.qualifyingScore).sort((a, b) => b - a);
  const place = sharePlaces(rule, qualifyingOthers.length + 1).find((p) => p.tier === tier);
  if (!place || place.upToRank === 0) return null;
  // Rank r = 1 + others strictly above; r <= upToRank needs at most upToRank - 1 others above, i.e. a score equal to
  // the upToRank-th best of the others (a tie takes the better tier).
  const bound = qualifyingOthers[place.upToRank - 1];
  return bound === undefined ? rule.qualifyingScore : Math.max(bound, rule.qualifyingScore);
}
