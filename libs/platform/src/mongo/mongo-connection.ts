import mongoose, { Connection, Model, Schema } from 'mongoose';

/** The service's own database. Indexes are built explicitly at start, never implicitly on first use. */
export class MongoConnection {
  readonly connection: Connection;

  /** `onCommand` hears every command the driver sends: one round trip each. */
  constructor(url: string, dbName: string, onCommand?: (name: string) => void) {
    this.connection = mongoose.createConnection(url, {
      dbName,
      autoIndex: false,
      autoCreate: false,
      serverSelectionTimeoutMS: 10000,
      monitorCommands: onCommand !== undefined,
    });
    if (onCommand) this.connection.getClient().on('commandStarted', (event) => onCommand(event.commandName));
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
