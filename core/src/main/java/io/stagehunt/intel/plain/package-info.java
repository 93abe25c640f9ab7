/**
 * Line-oriented feeds without a standard body: plain lists (one IP, CIDR, domain, URL or hash per line, with
 * comments, also hosts-file style), Bambenek-style C2 masterlists ({@code value,description,date,manual}),
 * ViriBack's C2 tracker CSV, and ranked top-site lists ({@code rank,domain}) read as benign lists.
 */
package io.stagehunt.intel.plain;
