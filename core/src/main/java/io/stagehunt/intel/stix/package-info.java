/**
 * STIX 2.1 (and 2.0) bundles: a hand-written parser of the STIX patterning language, a compiler that turns the
 * patterns stagehunt can match (one observable value per alternative, optionally with a destination port) into
 * indicators and refuses all others with a one-line reason, and the reader that links indicators to the
 * malware and infrastructure they indicate.
 */
package io.stagehunt.intel.stix;
