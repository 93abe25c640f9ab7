package io.stagehunt.event;

/** A service installed on an endpoint (System 7045, Security 4697). */
public record ServiceInstall(
        long timeMicros, Host host, Provenance provenance,
        String serviceName, String imagePath, String serviceType, String startType, String account)
        implements Event {
}
