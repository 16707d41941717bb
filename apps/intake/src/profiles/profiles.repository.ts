import { Injectable } from '@nestjs/common';
import { Model } from 'mongoose';
import { admit, Admitted, DomainError, EnterpriseAccess, findByIds, isDuplicateKey, MongoConnection, Outbox, OutboxEntry } from '@gec/platform';
import { Enterprise } from '../enterprises/enterprise';
import { ProfileRevision, ProfileVersion, ProfileVersions } from './profile';
import { ProfileIndexDocument, profileIndexSchema, ProfileVersionDocument, profileVersionSchema } from './profile.schema';

const MAX_ATTEMPTS = 5;

type StoredVersion = Pick<ProfileVersionDocument, '_id' | 'uscc' | 'effectiveFrom' | 'revision' | 'revisions'>;


@Injectable()
export class ProfilesRepository {
  private readonly versions: Model<ProfileVersionDocument>;
  private readonly index: Model<ProfileIndexDocument>;

  constructor(
    mongo: MongoConnection,
    private readonly outbox: Outbox,
  ) {
    this.versions = mongo.model('ProfileVersion', profileVersionSchema, 'profile_versions');
    this.index = mongo.model('ProfileIndex', profileIndexSchema, 'profile_index');
  }

  /**
   * Stores a revision of the version starting `effectiveFrom` (the first makes the version) with its event, in one
   * atomic write of the version's document. The enterprise's list of versions is written first: a crash in between
   * leaves a month listed without a document, which readers skip, never a document nobody can find.
   */
  async put(
    access: EnterpriseAccess,
    enterprise: Admitted<Enterprise>,
    effectiveFrom: string,
    build: (revision: number) => { revision: ProfileRevision; event: OutboxEntry },
  ): Promise<ProfileVersion> {
    const uscc = access.uscc;
    const id = versionId(uscc, effectiveFrom);
    await this.index.updateOne({ _id: uscc }, { $addToSet: { versions: effectiveFrom } }, { upsert: true });
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const [current] = await findByIds<StoredVersion>(this.versions as never, [id], { revision: 1 });
      const next = (current?.revision ?? 0) + 1;
      const { revision, event } = build(next);
      const written = await this.outbox.commit({ model: this.versions as never, id }, async () => {
        if (!current) {
          try {
            await this.versions.collection.insertOne({ _id: id, uscc, effectiveFrom, revision: next, revisions: [revision], outbox: [event] } as never);
            return true;
          } catch (error) {
            if (isDuplicateKey(error)) return false;
            throw error;
          }
        }
        const result = await this.versions.updateOne({ _id: id, revision: current.revision }, { $set: { revision: next }, $push: { revisions: revision, outbox: event } });
        return result.modifiedCount === 1;
      });
      if (written) {
        const months = await this.months(uscc);
        return admit(access, enterprise.regionCode, toVersion(uscc, effectiveFrom, revision, months))!;
      }
    }
    throw DomainError.conflict(`The profile of ${uscc} from ${effectiveFrom} is being changed concurrently; try again.`);
  }

  /** The version in force in `month` (YYYY-MM), if any and if the access reaches the enterprise. */
  async findInForce(access: EnterpriseAccess, enterprise: Admitted<Enterprise>, month: string): Promise<Admitted<ProfileVersion> | null> {
    const [found] = await this.load([{ uscc: access.uscc, month }]);
    return admit(access, enterprise.regionCode, found);
  }

  /** Every version, oldest first. */
  async findVersions(access: EnterpriseAccess, enterprise: Admitted<Enterprise>): Promise<Admitted<ProfileVersions> | null> {
    const months = await this.months(access.uscc);
    const docs = await findByIds<StoredVersion>(this.versions as never, months.map((m) => versionId(access.uscc, m)), { outbox: 0 });
    const versions = docs
      .map((d) => toVersion(access.uscc, d.effectiveFrom, d.revisions[d.revisions.length - 1], months))
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    return admit(access, enterprise.regionCode, { uscc: access.uscc, versions });
  }

  /**
   * The versions in force for the enterprises and months a report or an import chunk's rows name (each with the
   * submitter's access: the enterprise itself, an administrator): one bulk read of the enterprises' version lists, one
   * of the versions they point to. Undefined where no version had started, or the access does not reach it.
   */
  async inForce(wanted: ReadonlyArray<{ access: EnterpriseAccess; month: string }>): Promise<Array<Admitted<ProfileVersion> | undefined>> {
    const found = await this.load(wanted.map((w) => ({ uscc: w.access.uscc, month: w.month })));
    // Submitters are enterprises and administrators, whose access has no region to check.
    return found.map((version, i) => admit(wanted[i].access, undefined, version) ?? undefined);
  }

  private async load(wanted: ReadonlyArray<{ uscc: string; month: string }>): Promise<Array<ProfileVersion | undefined>> {
    if (wanted.length === 0) return [];
    const lists = new Map((await findByIds<ProfileIndexDocument>(this.index as never, wanted.map((w) => w.uscc))).map((d) => [d._id, d.versions]));
    // A month listed whose document a crash kept from being written falls back to the one before it.
    const candidates = wanted.map((w) => {
      const months = [...(lists.get(w.uscc) ?? [])].filter((m) => m <= w.month).sort().reverse();
      return months.map((m) => versionId(w.uscc, m));
    });
    const docs = new Map((await findByIds<StoredVersion>(this.versions as never, candidates.flatMap((c) => c.slice(0, 2)), { outbox: 0 })).map((d) => [d._id, d]));
    return wanted.map((w, i) => {
      const doc = candidates[i].map((id) => docs.get(id)).find((d) => d !== undefined);
      return doc && toVersion(w.uscc, doc.effectiveFrom, doc.revisions[doc.revisions.length - 1], lists.get(w.uscc) ?? []);
    });
  }

  private async months(uscc: string): Promise<string[]> {
    const doc = await this.index.findById(uscc).lean();
    return doc?.versions ?? [];
  }
}

function toVersion(uscc: string, effectiveFrom: string, revision: ProfileRevision, months: readonly string[]): ProfileVersion {
  const later = months.filter((m) => m > effectiveFrom).sort()[0];
  return { uscc, effectiveFrom, ...(later ? { effectiveUntil: later } : {}), ...revision };
}

function versionId(uscc: string, effectiveFrom: string): string {
  return `${uscc}:${effectiveFrom}`;
}
