#!/usr/bin/env node
var l={};console.log("rds-tls-guard");