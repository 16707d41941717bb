import { V1_EVENT_FIXTURES } from '../fixtures/v1-events';
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
