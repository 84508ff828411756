package com.westbethel.motel.bootstrap.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version the build stamped into {@code motel-admin.properties}. */
class MotelAdminVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        Properties properties = new Properties();
        try (InputStream in = MotelAdminVersion.class.getResourceAsStream("/motel-admin.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String[] {"motel-admin " + properties.getProperty("version", "unknown"),
                "Java ${java.version} (${java.vendor})"};
    }
}
