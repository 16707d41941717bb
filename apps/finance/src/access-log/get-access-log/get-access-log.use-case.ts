import { Injectable } from '@nestjs/common';
import { AccessRecorder, Caller, DomainError, grantAccess } from '@gec/platform';
import { AccessLogEntry } from '../access-log-entry';
import { AccessLogRepository } from '../access-log.repository';

export interface AccessLogView {
  uscc: string;
  month: string;
  entries: AccessLogEntry[];
}

@Injectable()
export class GetAccessLogUseCase {
  constructor(
    private readonly logs: AccessLogRepository,
    private readonly accessLog: AccessRecorder,
  ) {}

  /** Who read the enterprise's data in a month: for the enterprise itself or an administrator. */
  async execute(caller: Caller, uscc: string, month: string): Promise<AccessLogView> {
    const access = grantAccess(caller, uscc, ['self', 'admin']);
    if (!access) throw DomainError.notFound(`No access log of enterprise ${uscc}.`);
    const entries = await this.logs.find(access, month);
    await this.accessLog.record(access, `access log ${month}`);
    return { uscc, month, entries };
  }
}
