import { Injectable } from '@nestjs/common';
import { DataAccessed } from '@gec/contracts';
import { AccessLogRepository } from '../access-log.repository';

@Injectable()
export class RecordAccessUseCase {
  constructor(private readonly logs: AccessLogRepository) {}

  /** Adds a recorded read (from any service) to the enterprise's access log; the same access twice is kept once. */
  async execute(accessed: DataAccessed): Promise<void> {
    const { uscc, ...entry } = accessed;
    await this.logs.append(uscc, entry);
  }
}
