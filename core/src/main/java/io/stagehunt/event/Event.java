package io.stagehunt.event;

/**
 * A normalized log record.
 *
 * <p>Invariants: {@link #timeMicros()} is the time the logged activity started, in epoch microseconds;
 * {@link #provenance()} leads back to the raw record; {@link #host()} is the internal host the event concerns,
 * and is null only for records that concern no single host (certificates, sensor-wide notices). All
 * implementations are immutable and thread-safe.
 */
public sealed interface Event permits Connection, DnsQuery, HttpRequest, TlsSession, FileTransfer, Certificate,
        SensorAlert, ProcessStart, ProcessConnection, FileCreate, RegistryChange, ScheduledTask, ServiceInstall,
        Logon, FirewallDecision {

    long timeMicros();

    Host host();

    Provenance provenance();
}
