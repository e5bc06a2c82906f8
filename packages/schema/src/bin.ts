#!/usr/bin/env node
import {main} from './cli.js';

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // A bug of ours, not the user's: say so in one line, never with a stack trace.
  console.error(`rapport: unexpected error: ${(error as Error).message}`);
  process.exitCode = 1;
}
