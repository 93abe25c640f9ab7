package io.stagehunt.ingest;

import java.io.IOException;
import java.io.InputStream;

/** An input opened past any compression, ready for a reader. The reader closes the stream. */
public interface DecodedInput {

    String displayPath();

    InputStream openDecoded() throws IOException;
}
