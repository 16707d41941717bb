// Prints this service's OpenAPI document without starting it (used by the adversarial tests in e2e/).
import 'reflect-metadata';
import { printOpenApiDocument } from '@gec/platform';
import { readMetricsConfig } from './metrics.config';
import { createMetricsApp } from './metrics.app';

void printOpenApiDocument((options) => createMetricsApp(readMetricsConfig(), options));
