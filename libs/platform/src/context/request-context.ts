import { AsyncLocalStorage } from 'node:async_hooks';

/** Who and what the current unit of work is about: an HTTP request, a Kafka message or a job. */
export interface RequestContext {
  correlationId: string;
  causationId?: string;
  uscc?: string;
  topic?: string;
  partition?: number;
  offset?: string;
  jobId?: string;
  subject?: string;
  role?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, fn: () => T): T {
    return storage.run(context, fn);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
  /** Adds fields to the current context, e.g. the enterprise once a handler knows it. */
  enrich(fields: Partial<RequestContext>): void {
    const store = storage.getStore();
    if (store) Object.assign(store, fields);
  },
};
