import { V1_EVENT_FIXTURES } from '../fixtures/v1-events';
import { WITHDRAWAL_EVENT_FIXTURES } from '../fixtures/withdrawal-events';
import { isRatingWithdrawn } from '../rating/rating-changed.event';
import { isWithdrawnReport } from '../intake/report-accepted.event';
import { ALL_TOPICS, TOPICS } from './topics';
import { deadLetterTopicName, TopicDefinition } from './topic-definition';

describe('topic contracts', () => {
  it.each(ALL_TOPICS.map((t) => [t.name, t as TopicDefinition<unknown>] as const))('%s: a v1 fixture still parses and round-trips through JSON', (name, topic) => {
    const fixture = V1_EVENT_FIXTURES[name];
    expect(fixture).toBeDefined();
    const parsed = topic.envelope.parse(fixture);
    expect(topic.envelope.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
    expect(parsed.type).toBe(topic.type);
    expect(topic.keyOf(parsed.payload)).toBe(parsed.key);
  });

  it.each(Object.keys(WITHDRAWAL_EVENT_FIXTURES))('%s: a withdrawal parses, keeps its withdrawal and round-trips through JSON', (name) => {
    const topic = ALL_TOPICS.find((t) => t.name === name) as TopicDefinition<unknown>;
    const parsed = topic.envelope.parse(WITHDRAWAL_EVENT_FIXTURES[name]);
    expect(topic.envelope.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
    expect(JSON.stringify(parsed.payload)).toMatch(/"withdrawn":true|"rating":null/);
    expect(topic.keyOf(parsed.payload)).toBe(parsed.key);
  });

  it('tells a withdrawal from a submission, and v1 events stay submissions', () => {
    const report = (f: Record<string, unknown>) => TOPICS.reportAccepted.envelope.parse(f['intake.report-accepted.v1']).payload;
    const rating = (f: Record<string, unknown>) => TOPICS.ratingChanged.envelope.parse(f['rating.rating-changed.v1']).payload;
    expect(isWithdrawnReport(report(V1_EVENT_FIXTURES))).toBe(false);
    expect(isWithdrawnReport(report(WITHDRAWAL_EVENT_FIXTURES))).toBe(true);
    expect(isRatingWithdrawn(rating(V1_EVENT_FIXTURES))).toBe(false);
    expect(isRatingWithdrawn(rating(WITHDRAWAL_EVENT_FIXTURES))).toBe(true);
  });

  it('refuses a withdrawal without its reason, naming the field', () => {
    const bad = structuredClone(WITHDRAWAL_EVENT_FIXTURES['intake.report-accepted.v1']) as { payload: { reason?: string } };
    delete bad.payload.reason;
    const result = TOPICS.reportAccepted.envelope.safeParse(bad);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('reason');
  });

  it('has unique names and types', () => {
    expect(new Set(ALL_TOPICS.map((t) => t.name)).size).toBe(ALL_TOPICS.length);
    expect(new Set(ALL_TOPICS.map((t) => t.type)).size).toBe(ALL_TOPICS.length);
  });

  it('rejects a payload that breaks the schema, naming the field', () => {
    const bad = structuredClone(V1_EVENT_FIXTURES['intake.report-accepted.v1']) as { payload: { valueAdded: number } };
    bad.payload.valueAdded = -1;
    const result = TOPICS.reportAccepted.envelope.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['payload', 'valueAdded']);
  });

  it('names dead-letter topics beside their source', () => {
    expect(deadLetterTopicName(TOPICS.reportAccepted.name)).toBe('intake.report-accepted.v1.dlq');
  });
});
