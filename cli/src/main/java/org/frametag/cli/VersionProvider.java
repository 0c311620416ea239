package org.frametag.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar, so {@code --version} never goes stale. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = FrametagCommand.class.getPackage().getImplementationVersion();
        return new String[] {"frametag " + (version == null ? "(development build)" : version)};
    }
}
