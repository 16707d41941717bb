import { EligibilityRule, GREEN_LOAN_DEFAULT_RULE } from '@gec/domain';

/** A financial product a bank offers to rated enterprises; its rule is data, evaluated by @gec/domain. */
export interface Product {
  id: string;
  name: string;
  rule: EligibilityRule;
}

export const DEFAULT_PRODUCT_ID = 'green-loan';

export const DEFAULT_PRODUCTS: Product[] = [{ id: DEFAULT_PRODUCT_ID, name: 'Green loan', rule: GREEN_LOAN_DEFAULT_RULE }];
