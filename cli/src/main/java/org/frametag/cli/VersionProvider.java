package org.frametag.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the build, so {@code --version} never goes stale. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties build = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/frametag-version.properties")) {
            if (in != null) {
                build.load(in);
            }
        }
        return new String[] {"frametag " + build.getProperty("version", "(unknown version)"),
                "Java " + System.getProperty("java.version")};
    }
}
