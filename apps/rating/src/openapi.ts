// Prints this service's OpenAPI document without starting it (used by the adversarial tests in e2e/).
import 'reflect-metadata';
import { printOpenApiDocument } from '@gec/platform';
import { readRatingConfig } from './rating.config';
import { createRatingApp } from './rating.app';

void printOpenApiDocument((options) => createRatingApp(readRatingConfig(), options));
