export * from './test-infra';
export * from './isolated-run';
export * from './platform-topics';
export * from './wait-for';
export * from './http-client';
export * from './topic-reader';
export * from './running-service';
export * from './test-publisher';
