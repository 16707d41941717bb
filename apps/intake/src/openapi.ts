// Prints this service's OpenAPI document without starting it (used by the adversarial tests in e2e/).
import 'reflect-metadata';
import { printOpenApiDocument } from '@gec/platform';
import { readIntakeConfig } from './intake.config';
import { createIntakeApp } from './intake.app';

void printOpenApiDocument((options) => createIntakeApp(readIntakeConfig(), options));
