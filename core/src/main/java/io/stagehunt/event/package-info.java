/**
 * The normalized event model: one sealed family of immutable records that every reader produces and every
 * detector consumes. Times are epoch microseconds (Zeek's precision); {@code -1} marks an unknown count or
 * duration; strings are null when the log did not carry the field.
 */
package io.stagehunt.event;
