/**
 * Writers of the files other tools read: {@code ingest.json}, {@code findings.jsonl} (OCSF Detection Finding,
 * class 2004) and {@code cases.json}. Field names here are contracts; see DESIGN.md before changing one.
 */
package io.stagehunt.export;
