import 'reflect-metadata';
import { runService } from '@gec/platform';
import { readFinanceConfig } from './finance.config';
import { createFinanceApp } from './finance.app';

void runService(() => createFinanceApp(readFinanceConfig()));
