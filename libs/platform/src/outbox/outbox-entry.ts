/** An event waiting in its aggregate's document until the relay has published it. */
export interface OutboxEntry {
  eventId: string;
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}
