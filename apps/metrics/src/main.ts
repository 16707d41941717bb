import 'reflect-metadata';
import { runService } from '@gec/platform';
import { readMetricsConfig } from './metrics.config';
import { createMetricsApp } from './metrics.app';

void runService(() => createMetricsApp(readMetricsConfig()));
