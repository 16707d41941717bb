import { Injectable } from '@nestjs/common';
import { AccessRecorder, Caller, DomainError, grantAccess } from '@gec/platform';
import { ConsentsReadModel } from '../../consents/consents.read-model';
import { ProductsReadModel } from '../../products/products.read-model';
import { DecisionRating } from '../decision';
import { DecisionsReadModel } from '../decisions.read-model';

export interface EligibilityView {
  uscc: string;
  product: string;
  eligible: boolean;
  reasons: string[];
  /** Null when the rating the decision rested on was withdrawn. */
  rating: DecisionRating | null;
  decidedAt: string;
}

@Injectable()
export class GetEligibilityUseCase {
  constructor(
    private readonly products: ProductsReadModel,
    private readonly decisions: DecisionsReadModel,
    private readonly consents: ConsentsReadModel,
    private readonly accessLog: AccessRecorder,
  ) {}

  /**
   * The enterprise itself, a bank it consented to (scope eligibility, in force now), a regulator of its region, or
   * an administrator; to anyone else there is no decision. Answered from the read models kept in memory; reads by
   * others than the enterprise are recorded before the answer leaves.
   */
  async execute(caller: Caller, uscc: string, productId: string): Promise<EligibilityView> {
    if (!(await this.products.findById(productId))) {
      throw DomainError.notFound(`No product '${productId}' is offered.`, [{ field: 'product', reason: 'unknown product' }]);
    }
    const consentId = await this.consents.consentIdFor(caller, uscc, 'eligibility');
    const access = grantAccess(caller, uscc, ['self', 'consent', 'jurisdiction', 'admin'], consentId);
    const decision = access && (await this.decisions.find(access, productId));
    if (!access || !decision) throw DomainError.notFound(`No eligibility decision for enterprise ${uscc} and product '${productId}' yet.`);
    await this.accessLog.record(access, `eligibility ${productId}`);
    const { eligible, reasons, rating, decidedAt } = decision;
    return { uscc, product: productId, eligible, reasons, rating, decidedAt };
  }
}
