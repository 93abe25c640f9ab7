package io.stagehunt.config;

import java.util.List;

/** A configuration that cannot be used, with every problem found in it, each naming its place. */
public final class ConfigException extends Exception {

    private final List<String> problems;

    public ConfigException(String origin, List<String> problems) {
        super(origin + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
