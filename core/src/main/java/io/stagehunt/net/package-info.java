/**
 * Network value types shared by every stage: IP addresses, CIDR ranges, the scope of internal networks, and
 * domain names with their registered domain under the Public Suffix List.
 *
 * <p>All types here are immutable and thread-safe.
 */
package io.stagehunt.net;
