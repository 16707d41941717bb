import { deadLetterTopicName } from '@gec/contracts';

/** Maps the contracts' logical topic names to the broker's, adding the deployment's prefix (tests use one per run). */
export class TopicNames {
  constructor(private readonly prefix: string) {}

  physical(logicalName: string): string {
    return `${this.prefix}${logicalName}`;
  }

  deadLetter(logicalName: string): string {
    return this.physical(deadLetterTopicName(logicalName));
  }

  logical(physicalName: string): string {
    return physicalName.startsWith(this.prefix) ? physicalName.slice(this.prefix.length) : physicalName;
  }
}
