package io.stagehunt.event;

import io.stagehunt.net.IpAddress;
import java.util.List;

/**
 * One HTTP request and its response. For a {@code CONNECT} through a proxy, {@code uri} is the
 * {@code host:port} target.
 *
 * @param hostHeader the Host header as sent, null when absent (itself a signal)
 * @param statusCode -1 when no response was seen
 */
public record HttpRequest(
        long timeMicros, Host host, Provenance provenance,
        String uid, IpAddress client, int clientPort, IpAddress server, int serverPort,
        String method, String hostHeader, String uri, String referrer, String userAgent, int statusCode,
        long requestBodyBytes, long responseBodyBytes, List<String> responseMimeTypes,
        List<String> responseFileIds) implements Event {

    public HttpRequest {
        responseMimeTypes = List.copyOf(responseMimeTypes);
        responseFileIds = List.copyOf(responseFileIds);
    }
}
