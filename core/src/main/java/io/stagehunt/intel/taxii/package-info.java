/**
 * A TAXII 2.1 client on {@code java.net.http}: server discovery, API roots, collections, and the objects of a
 * collection with {@code added_after} and {@code next} paging, under HTTP basic or bearer-token authentication.
 * Fetched objects go through the same STIX reader as bundle files. Fetching is optional and kept apart from
 * matching: nothing here runs during an analysis once the index is built.
 */
package io.stagehunt.intel.taxii;
