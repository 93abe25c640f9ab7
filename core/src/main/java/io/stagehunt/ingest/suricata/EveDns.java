package io.stagehunt.ingest.suricata;

import io.stagehunt.event.Direction;
import io.stagehunt.event.DnsQuery;
import io.stagehunt.event.Transport;
import io.stagehunt.ingest.ReadContext;
import io.stagehunt.net.DomainName;
import io.stagehunt.net.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Joins EVE {@code dns} records into one {@link DnsQuery} per transaction, whichever logging version wrote
 * them:
 * <ul>
 *   <li>version 1 (Suricata 4 and older): a {@code query} record, then one {@code answer} record per resource
 *       record, each with its own {@code rrname}/{@code rdata}/{@code ttl};
 *   <li>version 2 (Suricata 5 to 7): a {@code query} record, then one {@code answer} record holding the question
 *       in {@code rrname}/{@code rrtype} and the records in {@code answers} (detailed) and/or {@code grouped};
 *   <li>version 3 (Suricata 8): {@code request} and {@code response} records with the questions in a
 *       {@code queries} array; a response names the responder as {@code src_ip}.
 * </ul>
 * Records join on the flow ({@code flow_id}, else the two endpoints) and the DNS message {@code id}; the
 * question, when both sides carry it, must agree. A transaction is released as soon as its query and its
 * final (version 2 or 3) answer are both seen; then it stays a while as a tombstone so that a repeated query or
 * answer (a retransmission, or a packet captured twice) is folded into it rather than counted again. A
 * query still unanswered, an answer whose query was never logged, and every version 1 transaction (which has
 * no final record) are released when they age out of the bounded {@link JoinBuffer} or at the end of the
 * input: one transaction, one event, answered or not. The event carries the query's time and line, or the
 * answer's when no query was seen; its other records are counted as joined. {@code rejected} follows Zeek: a
 * response that logged no resource record in any section. Not thread-safe.
 */
final class EveDns {

    static final long WINDOW_MICROS = 30_000_000L;
    static final long MIN_RECORDS = 1_000;
    static final int CAPACITY = 20_000;
    static final String JOINED = "dns record joined into its transaction";
    static final String REPEATED_QUERY = "dns query repeated within its transaction";
    static final String REPEATED_ANSWER = "dns answer repeated within its transaction";

    private final ReadContext context;
    private final EventSink sink;
    private final JoinBuffer<Transaction> pending;

    EveDns(ReadContext context, EventSink sink) {
        this.context = context;
        this.sink = sink;
        this.pending = new JoinBuffer<>(CAPACITY, WINDOW_MICROS, MIN_RECORDS, this::released);
    }

    /** Takes one {@code dns} record; throws before changing any state when the record is malformed. */
    void add(EveRecord eve, long line, long record, long time) throws MalformedEveException {
        Message message = Message.read(eve, line, time);
        if (message == null) {
            context.skip("dns record of another type than query or answer");
            return;
        }
        String key = message.key();
        Transaction transaction = pending.get(key);
        if (message.query) {
            addQuery(message, key, transaction, record);
        } else {
            addAnswer(message, key, transaction, record);
        }
    }

    private void addQuery(Message query, String key, Transaction transaction, long record) {
        if (transaction != null && !transaction.emitted && transaction.query != null) {
            if (query.sameQuestion(transaction.query)) {
                context.skip(REPEATED_QUERY);
                return;
            }
            pending.remove(key);
            emit(transaction);
            transaction = null;
        }
        if (transaction != null && transaction.emitted) {
            if (transaction.query != null && query.sameQuestion(transaction.query)) {
                context.skip(REPEATED_QUERY);
                return;
            }
            transaction = null;
        } else if (transaction != null && !query.sameQuestion(transaction.answer)) {
            pending.remove(key);
            emit(transaction);
            transaction = null;
        }
        if (transaction == null) {
            transaction = new Transaction(query.time, record);
            pending.put(key, transaction);
        }
        transaction.query = query;
        transaction.records++;
        if (transaction.complete) {
            emit(transaction);
        }
    }

    private void addAnswer(Message answer, String key, Transaction transaction, long record) {
        if (transaction != null && transaction.emitted) {
            if (answer.sameQuestion(transaction.question())) {
                context.skip(REPEATED_ANSWER);
                return;
            }
            transaction = null;
        } else if (transaction != null && !answer.sameQuestion(transaction.question())) {
            pending.remove(key);
            emit(transaction);
            transaction = null;
        } else if (transaction != null && transaction.complete) {
            context.skip(REPEATED_ANSWER);
            return;
        }
        if (transaction == null) {
            transaction = new Transaction(answer.time, record);
            pending.put(key, transaction);
        }
        transaction.addAnswer(answer);
        transaction.records++;
        if (transaction.complete && transaction.query != null) {
            emit(transaction);
        }
    }

    /** Releases transactions that aged out. */
    void expire(long newestMicros, long record) {
        pending.expire(newestMicros, record);
    }

    /** Releases every waiting transaction: the input ended. */
    void drain() {
        pending.drain();
    }

    private void released(Transaction transaction) {
        if (!transaction.emitted) {
            emit(transaction);
        }
    }

    private void emit(Transaction transaction) {
        transaction.emitted = true;
        Message query = transaction.query;
        Message answer = transaction.answer;
        Message first = query != null ? query : answer;
        Message question = transaction.question();
        IpAddress client = first.client;
        IpAddress server = first.server;
        Direction direction = context.direction(client, server);
        String name = question.reportedName();
        String type = question.reportedType();
        String normalized = DomainName.normalize(name);
        DnsQuery event = new DnsQuery(first.time, context.host(direction, client, server),
                context.provenance(first.line), first.flowId < 0 ? null : Long.toString(first.flowId), client, server,
                first.serverPort, first.transport, normalized != null ? normalized : name, DnsCodes.type(type),
                type, answer == null ? -1 : DnsCodes.rcode(answer.rcode), answer == null ? null : answer.rcode,
                transaction.answers, transaction.ttlsAligned ? transaction.ttls : List.of(),
                answer != null && !transaction.anyRecord);
        sink.emit(event, transaction.records - 1, JOINED);
    }

    /** One transaction being assembled; after release it stays as a tombstone that absorbs repeats. */
    private static final class Transaction implements JoinBuffer.Pending {
        private final long firstMicros;
        private final long firstRecord;
        private Message query;
        /** The first answer record; later version 1 records only add resource records. */
        private Message answer;
        private final List<String> answers = new ArrayList<>(4);
        private final List<Double> ttls = new ArrayList<>(4);
        private boolean anyRecord;
        /** False once some answer gave records without their TTLs: TTLs are then not reported at all. */
        private boolean ttlsAligned = true;
        private boolean complete;
        private boolean emitted;
        private int records;

        Transaction(long firstMicros, long firstRecord) {
            this.firstMicros = firstMicros;
            this.firstRecord = firstRecord;
        }

        @Override
        public long firstMicros() {
            return firstMicros;
        }

        @Override
        public long firstRecord() {
            return firstRecord;
        }

        /** The question as best known: the query's, else the one an answer carried. */
        Message question() {
            return query != null ? query : answer;
        }

        void addAnswer(Message message) {
            if (answer == null) {
                answer = message;
            }
            answers.addAll(message.answers);
            ttls.addAll(message.ttls);
            ttlsAligned &= message.ttls.size() == message.answers.size();
            anyRecord |= message.anyRecord;
            complete |= message.finalAnswer;
        }
    }

    /** One dns record, fully read and checked before it touches any transaction. */
    private static final class Message {
        boolean query;
        boolean finalAnswer;
        long time;
        long line;
        long flowId;
        long id;
        IpAddress client;
        IpAddress server;
        int clientPort;
        int serverPort;
        Transport transport;
        /** The question; null for a version 1 answer record, which names only its resource record. */
        String name;
        String type;
        String rcode;
        List<String> answers = List.of();
        List<Double> ttls = List.of();
        boolean anyRecord;
        /** The name and type of a version 1 answer's own resource record, used only when no query was seen. */
        String ownerName;
        String ownerType;

        static Message read(EveRecord eve, long line, long time) throws MalformedEveException {
            String kind = eve.requiredText(EveFields.DNS_TYPE);
            Message message = new Message();
            switch (kind) {
                case "query", "request" -> message.query = true;
                case "answer", "response" -> message.query = false;
                default -> {
                    return null;
                }
            }
            long version = eve.count(EveFields.DNS_VERSION);
            message.time = time;
            message.line = line;
            message.flowId = eve.count(EveFields.FLOW_ID);
            message.id = eve.count(EveFields.DNS_ID);
            if (message.id < 0) {
                throw eve.missing(EveFields.DNS_ID);
            }
            IpAddress source = eve.requiredAddress(EveFields.SRC_IP);
            IpAddress destination = eve.requiredAddress(EveFields.DEST_IP);
            int sourcePort = eve.port(EveFields.SRC_PORT);
            int destinationPort = eve.port(EveFields.DEST_PORT);
            message.transport = Transport.parse(eve.text(EveFields.PROTO));
            boolean responderIsSource = !message.query
                    && (version >= 3 || (version < 2 && sourcePort == 53 && destinationPort != 53));
            message.client = responderIsSource ? destination : source;
            message.clientPort = responderIsSource ? destinationPort : sourcePort;
            message.server = responderIsSource ? source : destination;
            message.serverPort = responderIsSource ? sourcePort : destinationPort;
            List<String> queries = eve.column(EveFields.DNS_QUERY_RRNAME);
            if (!queries.isEmpty()) {
                message.name = queries.get(0);
                List<String> types = eve.column(EveFields.DNS_QUERY_RRTYPE);
                message.type = types.isEmpty() ? null : types.get(0);
            } else {
                message.name = eve.text(EveFields.DNS_RRNAME);
                message.type = eve.text(EveFields.DNS_RRTYPE);
            }
            if (!message.query) {
                message.rcode = eve.text(EveFields.DNS_RCODE);
                if (version >= 2) {
                    message.finalAnswer = true;
                    message.readRecords(eve);
                } else {
                    message.readVersion1Record(eve);
                }
            }
            return message;
        }

        private void readRecords(EveRecord eve) throws MalformedEveException {
            List<String> data = eve.column(EveFields.DNS_ANSWER_RDATA);
            List<String> times = eve.column(EveFields.DNS_ANSWER_TTL);
            List<String> grouped = eve.column(EveFields.DNS_GROUPED_VALUES);
            answers = new ArrayList<>(data.size());
            ttls = new ArrayList<>(data.size());
            for (int i = 0; i < data.size(); i++) {
                if (data.get(i) != null) {
                    answers.add(data.get(i));
                    ttls.add(i < times.size() ? seconds(times.get(i), eve) : null);
                }
            }
            if (data.isEmpty()) {
                for (String value : grouped) {
                    if (value != null) {
                        answers.add(value);
                    }
                }
            }
            if (ttls.contains(null)) {
                ttls = List.of();
            }
            anyRecord = !data.isEmpty() || !grouped.isEmpty()
                    || !eve.column(EveFields.DNS_AUTHORITY_RRNAME).isEmpty();
        }

        /** A version 1 answer record: the question is not in it; its own resource record, if any, is. */
        private void readVersion1Record(EveRecord eve) throws MalformedEveException {
            ownerName = name;
            ownerType = type;
            name = null;
            type = null;
            String data = eve.text(EveFields.DNS_RDATA);
            long ttl = eve.count(EveFields.DNS_TTL);
            if (data != null) {
                answers = List.of(data);
                ttls = ttl >= 0 ? List.of((double) ttl) : List.of();
                anyRecord = true;
            }
        }

        /** The question name to report: the question, else the owner of a version 1 answer's record. */
        String reportedName() {
            return name != null ? name : ownerName;
        }

        String reportedType() {
            return type != null ? type : ownerType;
        }

        private static Double seconds(String text, EveRecord eve) throws MalformedEveException {
            if (text == null) {
                return null;
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new MalformedEveException(eve.name(EveFields.DNS_ANSWER_TTL), "not a number");
            }
        }

        /** The flow and message id shared by a query and its answers. */
        String key() {
            if (flowId >= 0) {
                return flowId + "/" + id;
            }
            String a = client + ":" + clientPort;
            String b = server + ":" + serverPort;
            return a + "|" + b + "|" + transport + "/" + id;
        }

        /** False only when both sides name a question and the questions differ. */
        boolean sameQuestion(Message other) {
            if (other == null || name == null || other.name == null) {
                return true;
            }
            return name.equalsIgnoreCase(other.name)
                    && (type == null || other.type == null || type.toUpperCase(Locale.ROOT).equals(
                            other.type.toUpperCase(Locale.ROOT)));
        }
    }
}
