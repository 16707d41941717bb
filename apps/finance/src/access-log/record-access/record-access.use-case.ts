import { Injectable } from '@nestjs/common';
import { DataAccessed } from '@gec/contracts';
import { AccessLogRepository } from '../access-log.repository';

@Injectable()
export class RecordAccessUseCase {
  constructor(private readonly logs: AccessLogRepository) {}

  /** Adds recorded reads (from any service) to their enterprises' access logs; the same access twice is kept once. */
  async execute(accessed: DataAccessed[]): Promise<void> {
    await this.logs.append(accessed);
  }
}
