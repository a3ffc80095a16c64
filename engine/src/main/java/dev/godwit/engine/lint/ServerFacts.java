package dev.godwit.engine.lint;

/**
 * The server the migration will run on, as far as the rules care: which product and version (MySQL and
 * MariaDB run the same ALTER with different algorithms). {@code major} 0: not connected, the rules assume
 * the current release of the product.
 */
public record ServerFacts(String product, int major, int minor, int patch) {
    public static final ServerFacts UNKNOWN = new ServerFacts("", 0, 0, 0);

    public boolean mariadb() {
        return product.toLowerCase(java.util.Locale.ROOT).contains("mariadb");
    }

    public boolean known() {
        return major > 0;
    }

    /** At least {@code maj.min.pat}; an unknown server counts as recent. */
    public boolean atLeast(int maj, int min, int pat) {
        if (!known()) {
            return true;
        }
        if (major != maj) {
            return major > maj;
        }
        if (minor != min) {
            return minor > min;
        }
        return patch >= pat;
    }

    public String describe() {
        return known() ? product + " " + major + "." + minor + (patch > 0 ? "." + patch : "") : product.isEmpty() ? "the server" : product;
    }
}
