/**
 * Zeek logs in both of Zeek's writers: tab-separated with {@code #fields}/{@code #types} headers, and JSON
 * lines (dotted {@code id.orig_h} or underscore {@code id_orig_h} names). One mapping per log path turns a
 * record into an event whichever writer produced it, so the same traffic gives the same events.
 */
package io.stagehunt.ingest.zeek;
