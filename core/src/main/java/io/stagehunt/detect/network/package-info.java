/**
 * Detectors over network evidence: flows, DNS, HTTP, TLS and firewall verdicts. Each detector is one
 * self-contained class with its settings, keys and state nested in it; small tables a detector alone uses sit
 * beside it as package-private classes.
 */
package io.stagehunt.detect.network;
