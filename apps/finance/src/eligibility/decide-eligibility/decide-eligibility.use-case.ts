import { Injectable } from '@nestjs/common';
import { TOPICS } from '@gec/contracts';
import { deterministicId, EventFactory, Outbox, pipelineKeys, RetryableEventError } from '@gec/platform';
import { ProductsRepository } from '../../products/products.repository';
import { isWithdrawnLatest, LatestRating } from '../../ratings/latest-rating';
import { DecisionChange, DecisionRating } from '../decision';
import { DecisionWrite, EligibilityRepository, StoredDecision } from '../eligibility.repository';
import { assess } from './assess';
import { decisionChanges } from './decision-changes';

const MAX_ATTEMPTS = 5;

@Injectable()
export class DecideEligibilityUseCase {
  constructor(
    private readonly products: ProductsRepository,
    private readonly decisions: EligibilityRepository,
    private readonly events: EventFactory,
    private readonly outbox: Outbox,
  ) {}

  /**
   * Decides each enterprise's eligibility for every product on its latest rating, in bulk: one read of the current
   * decisions, one write, one send. Only a changed decision is published; the same decision on a newer rating is
   * re-affirmed silently, so what a bank reads names the rating it rests on.
   */
  async execute(ratings: LatestRating[]): Promise<void> {
    if (ratings.length === 0) return;
    const products = await this.products.list();
    const keys = ratings.flatMap((r) => products.map((p) => ({ uscc: r.uscc, product: p.id })));
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await this.decisions.findCurrent(pipelineKeys(keys));
      const writes: DecisionWrite[] = [];
      for (const rating of ratings) {
        for (const product of products) {
          const write = this.decide(product, rating, stored.get(`${rating.uscc}:${product.id}`) ?? null);
          if (write) writes.push(write);
        }
      }
      if (!(await this.decisions.saveMany(writes))) continue;
      await this.outbox.publish([...this.decisions.pending(stored), ...this.decisions.documentEvents(writes)]);
      return;
    }
    throw new RetryableEventError('eligibility decisions kept being written concurrently');
  }

  private decide(product: Awaited<ReturnType<ProductsRepository['list']>>[number], rating: LatestRating, stored: StoredDecision | null): DecisionWrite | null {
    const withdrawn = isWithdrawnLatest(rating);
    const assessment = assess(product.rule, withdrawn ? { withdrawn, period: rating.period } : rating);
    const basis = withdrawn ? null : { grade: rating.grade, level: rating.level, period: rating.period, methodologyVersion: rating.methodologyVersion };
    const current = stored && { ...stored.decision, ratingWithdrawn: stored.decision.rating === null };
    const changed = decisionChanges(current, { ...assessment, ratingWithdrawn: withdrawn });
    if (changed.length === 0 && sameBasis(stored!.decision.rating, basis) && stored!.decision.regionCode === rating.regionCode) return null;
    const decidedAt = new Date();
    const region = rating.regionCode ? { regionCode: rating.regionCode } : {};
    const decision = { uscc: rating.uscc, product: product.id, ...region, ...assessment, rating: basis, decidedAt: decidedAt.toISOString(), causingEventId: rating.eventId };
    const previouslyEligible = stored ? stored.decision.eligible : null;
    const event =
      changed.length === 0
        ? null
        : this.events.create(
            TOPICS.eligibilityChanged,
            { uscc: decision.uscc, product: product.id, eligible: decision.eligible, reasons: decision.reasons, rating: basis, decidedAt: decision.decidedAt, previouslyEligible },
            { eventId: deterministicId(TOPICS.eligibilityChanged.name, rating.eventId, product.id), occurredAt: decidedAt, causedBy: { eventId: rating.eventId, correlationId: rating.correlationId ?? rating.eventId } },
          );
    const { uscc: _uscc, product: _product, regionCode: _region, ...record } = decision;
    const entry = { ...record, changed: event ? changed : (['basis'] as DecisionChange[]), previouslyEligible, rule: product.rule, eventId: event?.eventId ?? null };
    return { decision, entry, event, expectedVersion: stored?.version ?? null };
  }
}

function sameBasis(a: DecisionRating | null, b: DecisionRating | null): boolean {
  if (!a || !b) return a === b;
  return a.period === b.period && a.grade === b.grade && a.level === b.level && a.methodologyVersion === b.methodologyVersion;
}
