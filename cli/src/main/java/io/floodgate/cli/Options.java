package io.floodgate.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: positionals, {@code --name value} options (with defaults) and
 * {@code --switch} flags. Anything else is a usage error, reported before anything is done.
 */
public final class Options {
    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> values;
    private final Set<String> flags = new HashSet<>();

    private Options(Map<String, String> defaults) {
        this.values = new HashMap<>(defaults);
    }

    /**
     * @param valued   options that take a value, with their defaults (an empty string: no default)
     * @param switches options that take none
     */
    public static Options parse(List<String> args, Map<String, String> valued, Set<String> switches)
            throws UsageException {
        Options o = new Options(valued);
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (switches.contains(a)) {
                o.flags.add(a);
            } else if (valued.containsKey(a)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(a + " needs a value");
                }
                o.values.put(a, args.get(++i));
            } else if (a.startsWith("--")) {
                throw new UsageException("unknown option " + a);
            } else {
                o.positionals.add(a);
            }
        }
        return o;
    }

    public List<String> positionals() {
        return List.copyOf(positionals);
    }

    /** The option's value, or its default; empty when neither was given. */
    public String get(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean given(String name) {
        return !get(name).isEmpty();
    }

    public boolean has(String flag) {
        return flags.contains(flag);
    }
}
