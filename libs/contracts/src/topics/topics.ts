import { defineTopic } from './topic-definition';
import { enterpriseRegisteredSchema } from '../intake/enterprise-registered.event';
import { reportAcceptedSchema } from '../intake/report-accepted.event';
import { profileChangedSchema } from '../intake/profile-changed.event';
import { indicatorsComputedSchema } from '../metrics/indicators-computed.event';
import { benchmarkUpdatedSchema } from '../metrics/benchmark-updated.event';
import { industryMemberSchema } from '../metrics/industry-member.event';
import { ratingChangedSchema } from '../rating/rating-changed.event';
import { eligibilityChangedSchema } from '../finance/eligibility-changed.event';
import { consentChangedSchema } from '../finance/consent-changed.event';
import { dataAccessedSchema } from '../audit/data-accessed.event';

/** Every topic of the platform. Names are never renamed; a breaking change is a new `.v2` topic beside the old one. */
export const TOPICS = {
  enterpriseRegistered: defineTopic({
    name: 'intake.enterprise-registered.v1',
    type: 'intake.EnterpriseRegistered',
    schemaVersion: 1,
    payload: enterpriseRegisteredSchema,
    keyOf: (p) => p.uscc,
  }),
  reportAccepted: defineTopic({
    name: 'intake.report-accepted.v1',
    type: 'intake.ReportAccepted',
    schemaVersion: 1,
    payload: reportAcceptedSchema,
    keyOf: (p) => p.uscc,
  }),
  profileChanged: defineTopic({
    name: 'intake.profile-changed.v1',
    type: 'intake.ProfileChanged',
    schemaVersion: 1,
    payload: profileChangedSchema,
    keyOf: (p) => p.uscc,
  }),
  indicatorsComputed: defineTopic({
    name: 'metrics.indicators-computed.v1',
    type: 'metrics.IndicatorsComputed',
    schemaVersion: 1,
    payload: indicatorsComputedSchema,
    keyOf: (p) => p.uscc,
  }),
  industryMember: defineTopic({
    name: 'metrics.industry-member.v1',
    type: 'metrics.IndustryMember',
    schemaVersion: 1,
    payload: industryMemberSchema,
    keyOf: (p) => `${p.industryDivision}/${p.period}`,
  }),
  benchmarkUpdated: defineTopic({
    name: 'metrics.benchmark-updated.v1',
    type: 'metrics.BenchmarkUpdated',
    schemaVersion: 1,
    payload: benchmarkUpdatedSchema,
    keyOf: (p) => p.industryDivision,
  }),
  ratingChanged: defineTopic({
    name: 'rating.rating-changed.v1',
    type: 'rating.RatingChanged',
    schemaVersion: 1,
    payload: ratingChangedSchema,
    keyOf: (p) => p.uscc,
  }),
  eligibilityChanged: defineTopic({
    name: 'finance.eligibility-changed.v1',
    type: 'finance.EligibilityChanged',
    schemaVersion: 1,
    payload: eligibilityChangedSchema,
    keyOf: (p) => p.uscc,
  }),
  consentChanged: defineTopic({
    name: 'finance.consent-changed.v1',
    type: 'finance.ConsentChanged',
    schemaVersion: 1,
    payload: consentChangedSchema,
    keyOf: (p) => p.uscc,
  }),
  dataAccessed: defineTopic({
    name: 'audit.data-accessed.v1',
    type: 'audit.DataAccessed',
    schemaVersion: 1,
    payload: dataAccessedSchema,
    keyOf: (p) => p.uscc,
  }),
} as const;

export const ALL_TOPICS = Object.values(TOPICS);
