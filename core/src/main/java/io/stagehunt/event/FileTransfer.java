package io.stagehunt.event;

import io.stagehunt.net.IpAddress;

/**
 * A file carried over the network (Zeek files.log, Suricata fileinfo). {@code host} is the internal side;
 * {@code download} tells whether it received the file.
 *
 * @param totalBytes the declared or seen size, -1 when unknown
 * @param connectionId the flow that carried it (Zeek conn uid, Suricata flow_id), for joining
 */
public record FileTransfer(
        long timeMicros, Host host, Provenance provenance,
        String fileId, String connectionId, IpAddress sender, IpAddress receiver, String protocol,
        String mimeType, String filename, long totalBytes, String md5, String sha1, String sha256,
        boolean download) implements Event {

    /** The address of the other side of the internal host. */
    public IpAddress remote() {
        return download ? sender : receiver;
    }
}
