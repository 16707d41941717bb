// Prints this service's OpenAPI document without starting it (used by the adversarial tests in e2e/).
import 'reflect-metadata';
import { printOpenApiDocument } from '@gec/platform';
import { readFinanceConfig } from './finance.config';
import { createFinanceApp } from './finance.app';

void printOpenApiDocument((options) => createFinanceApp(readFinanceConfig(), options));
