package io.stagehunt.intel.taxii;

import java.io.IOException;

/** A TAXII server that cannot be used: refused credentials, an error status, a response that is not TAXII. */
public final class TaxiiException extends IOException {

    public TaxiiException(String message) {
        super(message);
    }

    public TaxiiException(String message, Throwable cause) {
        super(message, cause);
    }
}
