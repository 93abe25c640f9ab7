package io.stagehunt.ingest.firewall;

import io.stagehunt.ingest.Head;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The firewall log dialects, told apart by the content of each line (never by file name). Recognition counts
 * the dialects of the first lines of an input: a format claims the input when its dialect is the most common
 * one there. Stateless.
 */
enum FirewallDialect {
    NETFILTER, FILTERLOG, PANOS, CEF;

    /** Lines of the head examined for recognition. */
    static final int RECOGNITION_LINES = 200;

    /** The dialect of a line's message, or null when it is none of them (another program's line). */
    static FirewallDialect of(SyslogLine syslog, String message) {
        if (CefRecord.looksLike(message)) {
            return CEF;
        }
        String program = syslog.program();
        if ("filterlog".equals(program)) {
            return FILTERLOG;
        }
        if (PanOsTrafficRecord.looksLike(message)) {
            return PANOS;
        }
        // Netfilter lines always come through a logger that stamps them; a bare line that merely holds
        // "IN= OUT= SRC=" (a JSON string, say) is not one.
        if (syslog.hasHeader() && NetfilterRecord.looksLike(message)) {
            return NETFILTER;
        }
        if (program == null && FilterlogRecord.looksLike(message)) {
            return FILTERLOG;
        }
        return null;
    }

    /**
     * How sure a format reading {@code own} can be that {@code head} is its input: 0 when the dialect is absent
     * or another dialect is more common; 95 when it holds at least half the lines; 75 when it is the most common
     * dialect of a file mostly made of other programs' lines.
     */
    static int confidence(Head head, FirewallDialect own) {
        List<String> lines = head.lines(RECOGNITION_LINES);
        Map<FirewallDialect, Integer> counts = new EnumMap<>(FirewallDialect.class);
        for (String line : lines) {
            SyslogLine syslog = SyslogLine.parse(line);
            FirewallDialect dialect = of(syslog, syslog.message());
            if (dialect != null) {
                counts.merge(dialect, 1, Integer::sum);
            }
        }
        int mine = counts.getOrDefault(own, 0);
        if (mine == 0) {
            return 0;
        }
        for (Map.Entry<FirewallDialect, Integer> other : counts.entrySet()) {
            if (other.getKey() != own && other.getValue() > mine) {
                return 0;
            }
        }
        return mine * 2 >= lines.size() ? 95 : 75;
    }
}
