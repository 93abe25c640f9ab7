/**
 * Plumbing shared by the readers of JSON-lines logs (Zeek JSON, Suricata EVE): a schema of the fields a reader
 * wants, a streaming parser that fills only those fields straight from the line buffer without building a tree,
 * a reusable per-line value table, ISO-8601 time parsing, and a light look at the first lines for format
 * recognition. Malformed lines come back as short, low-cardinality reasons for the quarantine.
 */
package io.stagehunt.ingest.json;
