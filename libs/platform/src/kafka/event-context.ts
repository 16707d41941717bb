import { BaseRpcContext } from '@nestjs/microservices';

/** Where a consumed event came from. */
export class EventContext extends BaseRpcContext<[topic: string, partition: number, offset: string]> {
  get topic() {
    return this.args[0];
  }
  get partition() {
    return this.args[1];
  }
  get offset() {
    return this.args[2];
  }
}
