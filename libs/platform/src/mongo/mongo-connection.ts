import mongoose, { Connection, Model, Schema } from 'mongoose';
import { WrittenDocuments, writtenDocuments } from './written-documents';

// Mongoose keeps every query's call stack, formatted, in case it is run twice (a programming error it then reports
// with that stack). Formatting a stack on each query is costly (more so with source maps): skip it.
mongoose.set('skipOriginalStackTraces', true);

/** `sent`: the write is on its way; `done`: the database answered (it applied the write, or failed, maybe in part). */
export type WritePhase = 'sent' | 'done';
export type WriteListener = (written: WrittenDocuments, phase: WritePhase) => void;

/** The service's own database. Indexes are built explicitly at start, never implicitly on first use. */
export class MongoConnection {
  readonly connection: Connection;
  private readonly writeListeners: WriteListener[] = [];
  private readonly writesInFlight = new Map<string, WrittenDocuments>();

  /** `onCommand` hears every command the driver sends: one round trip each. */
  constructor(url: string, dbName: string, onCommand?: (name: string) => void) {
    this.connection = mongoose.createConnection(url, {
      dbName,
      autoIndex: false,
      autoCreate: false,
      serverSelectionTimeoutMS: 10000,
      monitorCommands: true,
    });
    const client = this.connection.getClient();
    client.on('commandStarted', (event) => {
      onCommand?.(event.commandName);
      if (this.writeListeners.length === 0) return;
      const written = writtenDocuments(event.commandName, event.command);
      if (!written) return;
      this.writesInFlight.set(`${event.address}/${event.requestId}`, written);
      this.emitWrite(written, 'sent');
    });
    const finished = (event: { address: string; requestId: number }) => {
      const key = `${event.address}/${event.requestId}`;
      const written = this.writesInFlight.get(key);
      if (!written) return;
      this.writesInFlight.delete(key);
      this.emitWrite(written, 'done');
    };
    client.on('commandSucceeded', finished);
    client.on('commandFailed', finished);
  }

  /**
   * Hears every write this process sends to the database, whichever code sends it, with the ids it writes where
   * the command names them: caches of a collection use it to forget what was written, when it is sent and again when
   * the database has answered (a read running meanwhile may still have seen the old document).
   */
  onWrite(listener: WriteListener): void {
    this.writeListeners.push(listener);
  }

  private emitWrite(written: WrittenDocuments, phase: WritePhase): void {
    for (const listener of this.writeListeners) listener(written, phase);
  }

  model<T>(name: string, schema: Schema<T>, collection: string): Model<T> {
    return (this.connection.models[name] as Model<T> | undefined) ?? this.connection.model<T>(name, schema, collection);
  }

  modelForCollection(collection: string): Model<unknown> | undefined {
    return Object.values(this.connection.models).find((m) => m.collection.collectionName === collection);
  }

  async open(): Promise<void> {
    await this.connection.asPromise();
  }

  async ensureIndexes(): Promise<void> {
    for (const model of Object.values(this.connection.models)) await model.createIndexes();
  }

  async ping(): Promise<void> {
    await this.connection.db!.admin().ping();
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
