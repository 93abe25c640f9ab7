/**
 * Pair detectors: {@link io.stagehunt.detect.beacon.BeaconDetector} (scheduled check-ins),
 * {@link io.stagehunt.detect.beacon.StrobeDetector} (a connection a second or more) and
 * {@link io.stagehunt.detect.beacon.LongConnectionDetector} (hours of connection time). All three key an internal
 * host and the address it contacted, join each flow record with the HTTP or TLS record that names it (by the
 * sensor's flow id), and keep one channel per name inside the pair, so that a beacon through a forward proxy is
 * reported against its target and a domain is reported by name. The arithmetic lives in
 * {@code io.stagehunt.detect.beacon.scoring}.
 */
package io.stagehunt.detect.beacon;
