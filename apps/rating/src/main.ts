import 'reflect-metadata';
import { runService } from '@gec/platform';
import { readRatingConfig } from './rating.config';
import { createRatingApp } from './rating.app';

void runService(() => createRatingApp(readRatingConfig()));
