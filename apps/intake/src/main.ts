import 'reflect-metadata';
import { runService } from '@gec/platform';
import { readIntakeConfig } from './intake.config';
import { createIntakeApp } from './intake.app';

void runService(() => createIntakeApp(readIntakeConfig()));
