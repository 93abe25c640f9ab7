/**
 * abuse.ch feeds: Feodo Tracker and SSLBL IP blocklists (CSV and JSON), URLhaus CSV dumps, ThreatFox JSON
 * exports, SSLBL certificate SHA-1 and JA3 blocklists, MalwareBazaar CSV dumps. Each is recognized by its
 * column header or JSON keys, never by its file name. abuse.ch writes times in UTC.
 */
package io.stagehunt.intel.abusech;
