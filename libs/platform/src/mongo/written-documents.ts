/** Which documents of a collection a database command writes: their ids, or null when the command can't tell. */
export interface WrittenDocuments {
  /** The collection, or '*' for every collection of the database. */
  collection: string;
  ids: string[] | null;
}

type Doc = Record<string, unknown>;

/**
 * The documents a command (as the driver sends it) writes, so caches of a collection can forget exactly those:
 * insert, update, delete and findAndModify by `_id` name their ids; writes matching by other fields, and drops,
 * name none (null: forget the whole collection). Undefined for commands that write nothing.
 */
export function writtenDocuments(commandName: string, command: Doc): WrittenDocuments | undefined {
  switch (commandName) {
    case 'insert':
      return { collection: String(command.insert), ids: allIds(asDocs(command.documents).map((d) => idOf(d._id))) };
    case 'update':
      return { collection: String(command.update), ids: allIds(asDocs(command.updates).map((u) => idsMatched(u.q))) };
    case 'delete':
      return { collection: String(command.delete), ids: allIds(asDocs(command.deletes).map((d) => idsMatched(d.q))) };
    case 'findAndModify':
    case 'findandmodify':
      return { collection: String(command.findAndModify ?? command.findandmodify), ids: allIds([idsMatched(command.query)]) };
    case 'drop':
      return { collection: String(command.drop), ids: null };
    case 'dropDatabase':
      return { collection: '*', ids: null };
    case 'renameCollection':
      return { collection: '*', ids: null };
    case 'aggregate': {
      const pipeline = asDocs(command.pipeline);
      const last = pipeline[pipeline.length - 1] ?? {};
      const target = last.$out ?? last.$merge;
      if (target === undefined) return undefined;
      return { collection: typeof target === 'string' ? target : String((target as Doc).into ?? (target as Doc).coll ?? '*'), ids: null };
    }
    default:
      return undefined;
  }
}

function asDocs(value: unknown): Doc[] {
  return Array.isArray(value) ? (value as Doc[]) : [];
}

/** The ids a filter matches when it pins `_id` (a value, $eq or $in); null when it matches by anything else. */
function idsMatched(filter: unknown): string[] | null {
  const id = (filter as Doc | undefined)?._id;
  if (id === undefined) return null;
  const single = idOf(id);
  if (single !== null) return single;
  if (typeof id === 'object' && id !== null) {
    const operators = id as Doc;
    if ('$eq' in operators) return idOf(operators.$eq);
    if (Array.isArray(operators.$in)) return allIds(operators.$in.map(idOf));
  }
  return null;
}

function idOf(value: unknown): string[] | null {
  if (typeof value === 'string' || typeof value === 'number') return [String(value)];
  if (typeof value === 'object' && value !== null && typeof (value as { toHexString?: unknown }).toHexString === 'function') {
    return [(value as { toHexString(): string }).toHexString()];
  }
  return null;
}

function allIds(parts: Array<string[] | null>): string[] | null {
  const ids: string[] = [];
  for (const part of parts) {
    if (part === null) return null;
    ids.push(...part);
  }
  return ids;
}
