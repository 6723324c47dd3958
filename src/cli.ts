#!/usr/bin/env node
console.log('rds-tls-guard');
