import { Injectable } from '@nestjs/common';
import { DomainError } from '@gec/platform';
import { ProductsRepository } from '../../products/products.repository';
import { DecisionRating } from '../decision';
import { EligibilityRepository } from '../eligibility.repository';

export interface EligibilityView {
  uscc: string;
  product: string;
  eligible: boolean;
  reasons: string[];
  rating: DecisionRating;
  decidedAt: string;
}

@Injectable()
export class GetEligibilityUseCase {
  constructor(
    private readonly products: ProductsRepository,
    private readonly decisions: EligibilityRepository,
  ) {}

  async execute(uscc: string, productId: string): Promise<EligibilityView> {
    if (!(await this.products.findById(productId))) {
      throw new DomainError('not-found', `No product '${productId}' is offered.`, [{ field: 'product', reason: 'unknown product' }]);
    }
    const stored = await this.decisions.find(uscc, productId);
    if (!stored) throw DomainError.notFound(`No eligibility decision for enterprise ${uscc} and product '${productId}' yet.`);
    const { eligible, reasons, rating, decidedAt } = stored.decision;
    return { uscc, product: productId, eligible, reasons, rating, decidedAt };
  }
}
