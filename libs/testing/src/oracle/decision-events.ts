import { ExpectedEligibility } from './expected-state';
import { Finding } from './compare-state';

/** One finance.eligibility-changed event as read from the topic, in log order. */
export interface DecisionEvent {
  eventId: string;
  uscc: string;
  product: string;
  eligible: boolean;
  previouslyEligible: boolean | null;
  rating: { grade: number; level: string; period: string; methodologyVersion: string } | null;
}

export interface DecisionEventsVerdict {
  /** Messages read, and distinct event ids among them. */
  messages: number;
  events: number;
  /** The same decision published twice under different event ids. */
  duplicates: Finding[];
  /** An event whose previouslyEligible is not what the previous event for that enterprise and product decided. */
  brokenChains: Finding[];
  /** No event for an expected decision, or the last event disagrees with it. */
  unpublished: Finding[];
  /** The same transition and basis again after other decisions in between: legitimate when ratings move back and forth. */
  repeatedLater: number;
}

const transitionOf = (e: DecisionEvent) =>
  JSON.stringify([e.previouslyEligible, e.eligible, e.rating && [e.rating.period, e.rating.grade, e.rating.level, e.rating.methodologyVersion]]);

/**
 * Checks the published decisions. The same event id again is a redelivery, which consumers dedupe: it counts once.
 * Two events for the same enterprise and product carrying the same transition (previouslyEligible -> eligible) on the
 * same rating basis, under different event ids and with no other decision between them, are the same decision
 * published twice. (Between them another decision may legitimately have undone it: a rating can move back and forth
 * while an industry's benchmark settles; those are counted, not failed.) Each event must follow on from the one
 * before it, and the last one must be the decision the platform serves.
 */
export function checkDecisionEvents(events: DecisionEvent[], expected: ExpectedEligibility[] = []): DecisionEventsVerdict {
  const seenIds = new Set<string>();
  const byKey = new Map<string, DecisionEvent[]>();
  for (const event of events) {
    if (seenIds.has(event.eventId)) continue;
    seenIds.add(event.eventId);
    const key = `${event.uscc}/${event.product}`;
    byKey.set(key, [...(byKey.get(key) ?? []), event]);
  }

  const duplicates: Finding[] = [];
  const brokenChains: Finding[] = [];
  let repeatedLater = 0;
  for (const [key, list] of byKey) {
    const transitions = new Map<string, number>();
    list.forEach((event, i) => {
      const previous = list[i - 1];
      const transition = transitionOf(event);
      if (previous && transitionOf(previous) === transition) {
        duplicates.push({ kind: 'wrong', subject: 'decision-event', key, detail: `events ${previous.eventId} and ${event.eventId} publish the same decision ${describe(event)}` });
      } else if (transitions.has(transition)) {
        repeatedLater++;
      }
      transitions.set(transition, i);
      const expectedPrevious = previous ? previous.eligible : null;
      if (event.previouslyEligible !== expectedPrevious) {
        brokenChains.push({
          kind: 'wrong',
          subject: 'decision-event',
          key,
          detail: `event ${event.eventId} says previously ${event.previouslyEligible}, but the event before it decided ${expectedPrevious}`,
        });
      }
    });
  }

  const unpublished: Finding[] = [];
  for (const e of expected) {
    const key = `${e.uscc}/${e.product}`;
    const last = byKey.get(key)?.at(-1);
    if (!last) unpublished.push({ kind: 'lost', subject: 'decision-event', key, detail: `no eligibility-changed event (expected eligible ${e.eligible})` });
    else if (last.eligible !== e.eligible) unpublished.push({ kind: 'lost', subject: 'decision-event', key, detail: `last event ${last.eventId} says eligible ${last.eligible}, expected ${e.eligible}` });
  }
  return { messages: events.length, events: seenIds.size, duplicates, brokenChains, unpublished, repeatedLater };
}

function describe(e: DecisionEvent): string {
  const basis = e.rating ? `${e.rating.period} grade ${e.rating.grade} ${e.rating.level}` : 'no rating';
  return `${e.previouslyEligible} -> ${e.eligible} on ${basis}`;
}
