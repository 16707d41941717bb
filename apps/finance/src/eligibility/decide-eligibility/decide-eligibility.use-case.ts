import { Injectable } from '@nestjs/common';
import { TOPICS } from '@gec/contracts';
import { deterministicId, EventFactory, RetryableEventError } from '@gec/platform';
import { Product } from '../../products/product';
import { ProductsRepository } from '../../products/products.repository';
import { LatestRating } from '../../ratings/latest-rating';
import { Decision, DecisionChange, DecisionRating } from '../decision';
import { EligibilityRepository } from '../eligibility.repository';
import { assess } from './assess';
import { decisionChanges } from './decision-changes';

const MAX_ATTEMPTS = 5;

@Injectable()
export class DecideEligibilityUseCase {
  constructor(
    private readonly products: ProductsRepository,
    private readonly decisions: EligibilityRepository,
    private readonly events: EventFactory,
  ) {}

  /** Decides the enterprise's eligibility for every product on its latest rating; only a changed decision is written and published. */
  async execute(rating: LatestRating): Promise<void> {
    for (const product of await this.products.list()) await this.decide(product, rating);
  }

  private async decide(product: Product, rating: LatestRating): Promise<void> {
    const assessment = assess(product.rule, rating);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const stored = await this.decisions.findCurrent(rating.uscc, product.id);
      const basis = { grade: rating.grade, level: rating.level, period: rating.period, methodologyVersion: rating.methodologyVersion };
      const changed = decisionChanges(stored?.decision ?? null, assessment);
      // The same decision on a newer rating is re-affirmed, so what a bank reads names the rating it rests on.
      if (changed.length === 0 && sameBasis(stored!.decision.rating, basis) && stored!.decision.regionCode === rating.regionCode) return;
      const decidedAt = new Date();
      const region = rating.regionCode ? { regionCode: rating.regionCode } : {};
      const decision: Decision = { uscc: rating.uscc, product: product.id, ...region, ...assessment, rating: basis, decidedAt: decidedAt.toISOString(), causingEventId: rating.eventId };
      const previouslyEligible = stored ? stored.decision.eligible : null;
      const event =
        changed.length === 0
          ? null
          : this.events.create(
              TOPICS.eligibilityChanged,
              { uscc: decision.uscc, product: product.id, eligible: decision.eligible, reasons: decision.reasons, rating: basis, decidedAt: decision.decidedAt, previouslyEligible },
              { eventId: deterministicId(TOPICS.eligibilityChanged.name, rating.eventId, product.id), occurredAt: decidedAt },
            );
      const { uscc: _uscc, product: _product, regionCode: _region, ...record } = decision;
      const entry = { ...record, changed: event ? changed : (['basis'] as DecisionChange[]), previouslyEligible, rule: product.rule, eventId: event?.eventId ?? null };
      if (await this.decisions.save(decision, entry, event, stored?.version ?? null)) return;
    }
    throw new RetryableEventError(`The eligibility of ${rating.uscc} for ${product.id} is being decided concurrently.`);
  }
}

function sameBasis(a: DecisionRating, b: DecisionRating): boolean {
  return a.period === b.period && a.grade === b.grade && a.level === b.level && a.methodologyVersion === b.methodologyVersion;
}
