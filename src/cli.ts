#!/usr/bin/env node
import { main, processIO } from './cli/main.js';

process.exitCode = await main(process.argv.slice(2), processIO());
