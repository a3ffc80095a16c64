package dev.godwit.shell.app;

import picocli.CommandLine.IVersionProvider;

public final class Version implements IVersionProvider {
    public static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[]{"godwit " + version(), "Java " + System.getProperty("java.version")};
    }
}
