package io.stagehunt.intel.misp;

import com.fasterxml.jackson.databind.JsonNode;
import io.stagehunt.ingest.Head;
import io.stagehunt.intel.FeedText;
import io.stagehunt.intel.feed.FeedContext;
import io.stagehunt.intel.feed.FeedFormat;
import io.stagehunt.intel.feed.FeedInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.regex.Pattern;

/**
 * The {@code manifest.json} of a MISP feed folder: event uuid to event summary. The events themselves are read
 * from their {@code <uuid>.json} files beside it; each listed event is one record here, skipped when its file
 * is present and refused when it is missing, so that an incomplete feed download shows.
 */
public final class MispManifestFormat implements FeedFormat {

    public static final String ID = "misp-manifest";
    private static final Pattern UUID_KEY = Pattern.compile(
            "^\\s*\\{\\s*\"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\"\\s*:\\s*\\{");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "MISP feed manifest";
    }

    @Override
    public int recognize(Head head) {
        String text = new String(head.bytes(), 0, head.length(), StandardCharsets.UTF_8);
        return UUID_KEY.matcher(text).find() && text.contains("\"info\"") && !text.contains("\"Attribute\"") ? 90 : 0;
    }

    @Override
    public void read(FeedInput input, FeedContext context) throws IOException {
        JsonNode manifest = MispJson.read(input, context);
        Path folder = input.file() == null ? null : input.file().getParent();
        for (Iterator<String> uuids = manifest.fieldNames(); uuids.hasNext(); ) {
            String uuid = uuids.next();
            context.read();
            long record = context.account().read();
            if (!UUID.matcher(uuid).matches()) {
                context.refuse(record, "manifest key '" + FeedText.excerpt(uuid) + "' is not an event uuid", uuid);
            } else if (folder != null && !Files.isRegularFile(folder.resolve(uuid + ".json"))) {
                context.refuse(record, "listed event file " + uuid + ".json is missing", uuid);
            } else {
                context.skip("event listed in the manifest (read from its own file)");
            }
        }
    }
}
