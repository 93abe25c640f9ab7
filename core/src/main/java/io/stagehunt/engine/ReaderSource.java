package io.stagehunt.engine;

import io.stagehunt.event.Event;
import io.stagehunt.event.SourceFile;
import io.stagehunt.ingest.DiscoveredInput;
import io.stagehunt.ingest.FileAccount;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.ingest.RecordReader;
import io.stagehunt.net.NetworkScope;
import java.io.IOException;

/** An input read through its format's reader, with its ledger. */
final class ReaderSource implements EventSource {

    private final DiscoveredInput input;
    private final FileAccount account;
    private final NetworkScope scope;
    private final long firstTime;
    private RecordReader reader;
    private boolean done;

    ReaderSource(DiscoveredInput input, FileAccount account, NetworkScope scope, long firstTime) {
        this.input = input;
        this.account = account;
        this.scope = scope;
        this.firstTime = firstTime;
    }

    @Override
    public long firstTimeMicros() {
        return firstTime;
    }

    @Override
    public void open() throws IOException {
        SourceFile source = new SourceFile(input.displayPath(), input.format().id());
        reader = input.format().open(input.input(), new ReadContext(source, account, scope));
    }

    @Override
    public Event next() throws IOException {
        if (done) {
            return null;
        }
        Event event = reader.next();
        if (event == null) {
            close();
        }
        return event;
    }

    boolean done() {
        return done;
    }

    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    @Override
    public void failed(IOException error) {
        String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        account.note("reading stopped early: " + message);
        done = true;
    }
}
