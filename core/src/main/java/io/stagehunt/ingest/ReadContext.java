package io.stagehunt.ingest;

import io.stagehunt.event.Direction;
import io.stagehunt.event.Host;
import io.stagehunt.event.Provenance;
import io.stagehunt.event.SourceFile;
import io.stagehunt.net.IpAddress;
import io.stagehunt.net.NetworkScope;

/**
 * What a reader needs besides its bytes: the input's identity for provenance, the ledger it reports each
 * record's outcome to, and the network scope that decides which side of a flow is the internal host. Not
 * thread-safe: one per reader.
 */
public final class ReadContext {

    private static final int RECENT_HOSTS = 1024;

    private final SourceFile source;
    private final FileAccount account;
    private final NetworkScope scope;
    private final Host[] recentHosts = new Host[RECENT_HOSTS];

    public ReadContext(SourceFile source, FileAccount account, NetworkScope scope) {
        this.source = source;
        this.account = account;
        this.scope = scope;
    }

    public SourceFile source() {
        return source;
    }

    public FileAccount account() {
        return account;
    }

    public NetworkScope scope() {
        return scope;
    }

    public Provenance provenance(long record) {
        return new Provenance(source, record);
    }

    public Direction direction(IpAddress originator, IpAddress responder) {
        return Direction.of(originator, responder, scope);
    }

    /** The internal host of a flow: the originator unless only the responder is internal. */
    public Host host(Direction direction, IpAddress originator, IpAddress responder) {
        IpAddress internal = direction.internalSide(originator, responder);
        if (internal == null) {
            return null;
        }
        // one instance per recent host: the same few hosts fill a log, and the detectors key on them
        int slot = internal.hashCode() & (RECENT_HOSTS - 1);
        Host recent = recentHosts[slot];
        if (recent != null && recent.ip().equals(internal)) {
            return recent;
        }
        Host host = Host.of(internal);
        recentHosts[slot] = host;
        return host;
    }

    public void quarantine(long line, String reason, String excerpt) {
        account.recordQuarantined(line, reason, excerpt);
    }

    /**
     * Quarantines a record whose mapping failed on a defect of the reader rather than on a rule the record broke,
     * so that one bad record costs one record and not the run. The reason names the exception's class only: its
     * message may quote the record's values.
     */
    public void quarantineFailure(long line, RuntimeException failure, String excerpt) {
        account.recordQuarantined(line, "record could not be mapped (" + failure.getClass().getName() + ")",
                excerpt);
    }

    public void skip(String reason) {
        account.recordSkipped(reason);
    }
}
