package io.stagehunt.engine;

import io.stagehunt.detect.Detector;
import io.stagehunt.event.Connection;
import io.stagehunt.event.Event;
import io.stagehunt.event.Host;

/** A test detector over connections, keyed by host: what differs from test to test is only its state. */
abstract class ConnectionsByHost<S> implements Detector<Host, S> {

    private final String id;

    ConnectionsByHost(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean accepts(Class<? extends Event> type) {
        return type == Connection.class;
    }

    @Override
    public Host keyOf(Event event) {
        return event.host();
    }
}
